package com.bellyfed.events.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of envelopes and payloads: ISO-8601 timestamps, no nulls written, unknown members
 * ignored. Built on the application's Jackson 3 mapper (its modules), with the settings that make
 * up the wire format pinned so that a service's own Jackson configuration cannot change what other
 * services read: Jackson 2's defaults, against which the format was first written (declaration
 * order, enums by name, missing primitives as zero), plus the envelope's own.
 */
public final class EnvelopeJson {

  private final JsonMapper mapper;

  /** Outside Spring (tools, tests): on Jackson's shared default mapper. */
  public EnvelopeJson() {
    this(JsonMapper.shared());
  }

  public EnvelopeJson(JsonMapper base) {
    this.mapper = base.rebuild()
        .configureForJackson2()
        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .changeDefaultPropertyInclusion(
            inclusion -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }

  /** The envelope's mapper, for code that streams event-shaped JSON itself. */
  public JsonMapper mapper() {
    return mapper;
  }

  /**
   * Reads JSON as a tree (an EventBridge event, a redrive policy).
   *
   * @throws IllegalArgumentException with Jackson's message when it is not JSON
   */
  public JsonNode readTree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public String write(EventEnvelope envelope) {
    try {
      return mapper.writeValueAsString(envelope);
    } catch (JacksonException e) {
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
    } catch (JacksonException e) {
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
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Data of " + envelope.eventType() + " is not a " + type.getSimpleName(), e);
    }
  }
}
