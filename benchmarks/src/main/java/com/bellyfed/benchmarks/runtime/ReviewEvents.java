package com.bellyfed.benchmarks.runtime;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** The {@code restaurant.review.created} events of the benchmark, and the SQS bodies that carry them. */
final class ReviewEvents {

  /** The payload field with the {@link System#nanoTime()} of the publish call, for the latency phase. */
  static final String SENT_NANOS = "sentNanos";

  private static final ObjectMapper MAPPER = JsonMapper.shared();
  // A pattern rather than a parser, so that counting arrivals costs the receivers next to nothing.
  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

  private ReviewEvents() {}

  /** A review's payload, with the fields the catalog requires. */
  static Map<String, Object> payload(long seq) {
    return Map.of("reviewId", "review-" + seq, "restaurantId", "restaurant-" + seq % 100, "rating", (int) (1 + seq % 5));
  }

  /** A payload that carries the time of its publish call. */
  static Map<String, Object> timed(long seq, long sentNanos) {
    return Map.of(
        "reviewId", "review-" + seq, "restaurantId", "restaurant-" + seq % 100, "rating", (int) (1 + seq % 5), SENT_NANOS, sentNanos);
  }

  /** The envelope's eventId in a body: the event's own {@code id} is EventBridge's, not ours. */
  static Optional<String> eventId(String body) {
    Matcher matcher = EVENT_ID.matcher(body);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The body a rule delivers to SQS for an entry: the EventBridge event, with the entry's detail in it. */
  static String deliveredBody(PutEventsRequestEntry entry, String account, String region) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", entry.detailType()).put("source", entry.source())
        .put("account", account).put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).put("region", region);
    event.putArray("resources");
    try {
      event.set("detail", MAPPER.readTree(entry.detail()));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The entry's detail is not JSON", e);
    }
    return event.toString();
  }

  /**
   * The least a consumer does with a message: read the EventBridge event and the envelope in its
   * detail, as the ReliableConsumer does before anything else. The baseline of the guard's overhead.
   */
  static EventEnvelope unwrap(EnvelopeJson json, String body) {
    JsonNode event;
    try {
      event = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Body is not JSON: " + e.getOriginalMessage(), e);
    }
    if (event == null || !event.path("detail").isObject()) {
      throw new IllegalArgumentException("Body is not an EventBridge event: it has no detail object");
    }
    return json.read(event.path("detail").toString());
  }
}
