package com.bellyfed.imports.jobs;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.imports.records.ImportRecord;
import com.bellyfed.imports.records.RecordType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  // Jackson 2, the event library's own mapper, as the envelope that carries them; records travel as their JSON form.
  static final ObjectMapper JSON = EnvelopeJson.mapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  static String id(String jobId, long sequence) {
    return jobId + ":" + sequence;
  }

  /** The chunk an envelope carries; empty when it is not one. */
  static Optional<Chunk> of(EventEnvelope envelope) {
    JsonNode data = envelope.data();
    Optional<RecordType> type = RecordType.of(data.path("type").asText(""));
    if (!EVENT_TYPE.equals(envelope.eventType()) || type.isEmpty() || !data.path("records").isArray() || data.path("jobId").asText("").isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> records = new ArrayList<>();
    data.path("records").forEach(records::add);
    return Optional.of(new Chunk(envelope.eventId(), data.path("jobId").asText(), type.get(), data.path("sequence").asLong(), records));
  }

  /** The records, as the type's record class. */
  List<ImportRecord> typedRecords() {
    List<ImportRecord> typed = new ArrayList<>(records.size());
    for (JsonNode record : records) {
      try {
        typed.add(JSON.treeToValue(record, type.recordClass()));
      } catch (IOException e) {
        throw new IllegalArgumentException("Chunk " + chunkId + " carries a record that is not a " + type.parameter(), e);
      }
    }
    return typed;
  }

  static String recordJson(ImportRecord record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message body of a chunk whose records are already JSON. */
  static String body(String jobId, RecordType type, long sequence, List<String> recordJson, String correlationId, String service, Instant now) {
    StringWriter out = new StringWriter(recordJson.stream().mapToInt(String::length).sum() + 600);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("detail");
      json.writeStringField("eventId", id(jobId, sequence));
      json.writeStringField("eventType", EVENT_TYPE);
      json.writeNumberField("eventVersion", 1);
      json.writeStringField("source", "bellyfed.system");
      json.writeStringField("timestamp", now.toString());
      json.writeStringField("correlationId", correlationId);
      json.writeNumberField("sequenceNumber", sequence);
      json.writeObjectFieldStart("data");
      json.writeStringField("jobId", jobId);
      json.writeStringField("type", type.parameter());
      json.writeNumberField("sequence", sequence);
      json.writeArrayFieldStart("records");
      for (String record : recordJson) {
        json.writeRawValue(record);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeObjectFieldStart("metadata");
      json.writeStringField("service", service);
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
