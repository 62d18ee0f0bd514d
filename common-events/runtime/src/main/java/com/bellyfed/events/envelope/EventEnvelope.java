package com.bellyfed.events.envelope;

import tools.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every event carries in the {@code detail} of its EventBridge event (DESIGN.md §3).
 *
 * @param eventId unique id; consumers deduplicate by it
 * @param eventType {@code [domain].[entity].[action]}, or {@code *_ANALYTICS} for analytics events
 * @param eventVersion the schema version of {@code data}
 * @param source {@code bellyfed.{domain}}
 * @param timestamp when the event happened, UTC
 * @param correlationId the id shared by everything one user request caused
 * @param causationId the id of the event whose handling emitted this one, if any
 * @param sequenceNumber the aggregate's version after the change; 0 when there is no aggregate
 * @param userId the user the event concerns, when known
 * @param data the payload
 * @param metadata free-form strings: emitting service, {@code replayed}, ...
 */
public record EventEnvelope(
    String eventId,
    String eventType,
    int eventVersion,
    String source,
    Instant timestamp,
    String correlationId,
    @Nullable String causationId,
    long sequenceNumber,
    @Nullable String userId,
    JsonNode data,
    Map<String, String> metadata) {

  public EventEnvelope {
    metadata = Map.copyOf(metadata);
  }
}
