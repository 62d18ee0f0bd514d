package com.bellyfed.events.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of envelopes and payloads: ISO-8601 timestamps, no nulls written. Jackson 2, the
 * event library's own serializer, with one mapper for the JVM: every instance and every reader of
 * event-shaped JSON (EventBridge bodies, chunk records) shares it.
 */
public final class EnvelopeJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final ObjectMapper mapper = MAPPER;

  /** The shared mapper, for code that streams event-shaped JSON itself. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads JSON as a tree (an EventBridge event, a redrive policy).
   *
   * @throws IllegalArgumentException with Jackson's message when it is not JSON
   */
  public JsonNode readTree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public String write(EventEnvelope envelope) {
    try {
      return mapper.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Envelope " + envelope.eventId() + " cannot be written as JSON", e);
    }
  }

  /**
   * Reads an envelope.
   *
   * @throws IllegalArgumentException saying what is wrong with the JSON
   */
  public EventEnvelope read(String json) {
    try {
      EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
      if (envelope.eventId() == null || envelope.eventType() == null || envelope.data() == null) {
        throw new IllegalArgumentException("Not an event envelope: eventId, eventType and data are required");
      }
      return envelope;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not an event envelope: " + e.getOriginalMessage(), e);
    }
  }

  /** A payload as a JSON tree, to be checked against its definition and carried in the envelope. */
  public JsonNode tree(Object payload) {
    return payload instanceof JsonNode node ? node : mapper.valueToTree(payload);
  }

  public <T> T payload(EventEnvelope envelope, Class<T> type) {
    try {
      return mapper.treeToValue(envelope.data(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Data of " + envelope.eventType() + " is not a " + type.getSimpleName(), e);
    }
  }
}
