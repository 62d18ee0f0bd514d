package com.bellyfed.imports.jobs;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.imports.records.ImportRecord;
import com.bellyfed.imports.records.RecordType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * A chunk of accepted records on the import queue. Its message body is shaped as an EventBridge
 * event whose {@code detail} is an envelope (eventId = chunk id), so that common-events' reliable
 * consumption (deduplication, backoff, DLQ, correlation) handles it like any event, though no
 * bus ever carries it.
 *
 * @param chunkId {@code {jobId}:{sequence}}, stable across redeliveries
 */
record Chunk(String chunkId, String jobId, RecordType type, long sequence, List<JsonNode> records) {

  static final String EVENT_TYPE = "system.import.chunk-queued";


  static String id(String jobId, long sequence) {
    return jobId + ":" + sequence;
  }

  /** The chunk an envelope carries; empty when it is not one. */
  static Optional<Chunk> of(EventEnvelope envelope) {
    JsonNode data = envelope.data();
    Optional<RecordType> type = RecordType.of(data.path("type").asString(""));
    if (!EVENT_TYPE.equals(envelope.eventType()) || type.isEmpty() || !data.path("records").isArray() || data.path("jobId").asString("").isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> records = new ArrayList<>();
    data.path("records").forEach(records::add);
    return Optional.of(new Chunk(envelope.eventId(), data.path("jobId").asString(""), type.get(), data.path("sequence").asLong(0), records));
  }

  /** The records, as the type's record class, read with the envelope's mapper that wrote them. */
  List<ImportRecord> typedRecords(EnvelopeJson envelopeJson) {
    JsonMapper json = envelopeJson.mapper();
    List<ImportRecord> typed = new ArrayList<>(records.size());
    for (JsonNode record : records) {
      try {
        typed.add(json.treeToValue(record, type.recordClass()));
      } catch (JacksonException e) {
        throw new IllegalArgumentException("Chunk " + chunkId + " carries a record that is not a " + type.parameter(), e);
      }
    }
    return typed;
  }

  /** A record's JSON form, written as the envelope that carries it writes payloads. */
  static String recordJson(EnvelopeJson envelopeJson, ImportRecord record) {
    return envelopeJson.mapper().writeValueAsString(record);
  }

  /** The message body of a chunk whose records are already JSON, caused by no user. */
  static String body(String jobId, RecordType type, long sequence, List<String> recordJson, String correlationId, String service, Instant now) {
    return body(jobId, type, sequence, recordJson, correlationId, null, service, now);
  }

  /**
   * The message body of a chunk whose records are already JSON.
   *
   * @param actor the admin whose upload the chunk is part of (the envelope's {@code actor}), so that the events its
   *     handling causes carry them too
   */
  static String body(
      String jobId, RecordType type, long sequence, List<String> recordJson, String correlationId, @Nullable String actor, String service,
      Instant now) {
    StringWriter out = new StringWriter(recordJson.stream().mapToInt(String::length).sum() + 600);
    // Only strings, numbers and raw record JSON are written: any mapper's generator writes them alike.
    try (JsonGenerator json = JsonMapper.shared().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectPropertyStart("detail");
      json.writeStringProperty("eventId", id(jobId, sequence));
      json.writeStringProperty("eventType", EVENT_TYPE);
      json.writeNumberProperty("eventVersion", 1);
      json.writeStringProperty("source", "bellyfed.system");
      json.writeStringProperty("timestamp", now.toString());
      json.writeStringProperty("correlationId", correlationId);
      json.writeNumberProperty("sequenceNumber", sequence);
      if (actor != null) {
        json.writeStringProperty("actor", actor);
      }
      json.writeObjectPropertyStart("data");
      json.writeStringProperty("jobId", jobId);
      json.writeStringProperty("type", type.parameter());
      json.writeNumberProperty("sequence", sequence);
      json.writeArrayPropertyStart("records");
      for (String record : recordJson) {
        json.writeRawValue(record);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeObjectPropertyStart("metadata");
      json.writeStringProperty("service", service);
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toString();
  }
}
