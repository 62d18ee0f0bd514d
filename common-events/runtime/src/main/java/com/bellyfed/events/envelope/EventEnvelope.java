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
 * @param actor the {@code sub} of the signed-in caller whose request caused the event (carried on to the
 *     events its handling causes); null when no authenticated user caused it (a schedule, a sign-up trigger).
 *     The user the event concerns is {@code userId}: an admin acting on a user's review is the actor, the
 *     review's author the user
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
    @Nullable String actor,
    JsonNode data,
    Map<String, String> metadata) {

  /**
   * The metadata key a replay marks its copies with ({@code "true"}), beside {@code replayJobId} and
   * {@code replaySequence}; the archive rule and consumers test for its presence.
   */
  public static final String REPLAYED = "replayed";

  public EventEnvelope {
    metadata = Map.copyOf(metadata);
  }

  /**
   * Whether this is a replay's copy of an archived event rather than a live one. (Not named as a getter: the
   * envelope's JSON holds its components only.)
   */
  public boolean replayed() {
    return metadata.containsKey(REPLAYED);
  }

  /** An envelope no authenticated user caused ({@code actor} null), as envelopes were before they carried one. */
  public EventEnvelope(String eventId, String eventType, int eventVersion, String source, Instant timestamp,
      String correlationId, @Nullable String causationId, long sequenceNumber, @Nullable String userId, JsonNode data,
      Map<String, String> metadata) {
    this(eventId, eventType, eventVersion, source, timestamp, correlationId, causationId, sequenceNumber, userId, null, data,
        metadata);
  }

  /** The same event with other metadata (a replay's marks), everything else, the actor too, kept. */
  public EventEnvelope withMetadata(Map<String, String> metadata) {
    return new EventEnvelope(eventId, eventType, eventVersion, source, timestamp, correlationId, causationId, sequenceNumber,
        userId, actor, data, metadata);
  }
}
