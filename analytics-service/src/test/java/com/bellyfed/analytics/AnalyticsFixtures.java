package com.bellyfed.analytics;

import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Events as the other services emit them, and the SQS bodies EventBridge rules deliver. */
public final class AnalyticsFixtures {

  public static final EnvelopeJson JSON = new EnvelopeJson();
  private static final ObjectMapper MAPPER = JsonMapper.shared();

  private AnalyticsFixtures() {}

  public static String uniqueService() {
    return "svc-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A query-service analytics event of the seed structure. */
  public static EventEnvelope analyticsEvent(
      String service, AnalyticsEvent.Category category, AnalyticsEvent.Status status, long duration, Instant timestamp) {
    return analyticsEvent("bellyfed.analytics", UUID.randomUUID().toString(), service, category, status, duration, timestamp);
  }

  /** The same from {@code source} (a replay can select it), in the chain of {@code correlationId} (to find it in the archive). */
  public static EventEnvelope analyticsEvent(
      String source, String correlationId, String service, AnalyticsEvent.Category category, AnalyticsEvent.Status status,
      long duration, Instant timestamp) {
    JsonNode data = JSON.tree(new AnalyticsEvent("RESTAURANT_QUERY_ANALYTICS", "EXECUTE", category, status, duration,
        Map.of("service", service, "version", "1.0.0", "heapLimit", 512)));
    return envelope("RESTAURANT_QUERY_ANALYTICS", source, timestamp, correlationId, null, 0, data);
  }

  /** The copy of {@code event} a replay job publishes: the same event, marked as the job's {@code sequence}th. */
  public static EventEnvelope replayedCopy(EventEnvelope event, String jobId, long sequence) {
    Map<String, String> metadata = new java.util.HashMap<>(event.metadata());
    metadata.put(EventEnvelope.REPLAYED, "true");
    metadata.put("replayJobId", jobId);
    metadata.put("replaySequence", Long.toString(sequence));
    return event.withMetadata(metadata);
  }

  public static EventEnvelope errorOccurred(String service, ErrorOccurred.Severity severity, String code, String correlationId) {
    return errorOccurredAt(service, severity, code, correlationId, Instant.now());
  }

  public static EventEnvelope errorOccurredAt(String service, ErrorOccurred.Severity severity, String code, String correlationId, Instant at) {
    JsonNode data = JSON.tree(new ErrorOccurred(service, severity, code, "it broke", Map.of("table", "reviews"), true));
    return envelope(ErrorOccurred.EVENT_TYPE, "bellyfed.system", at, correlationId, null, 0, data);
  }

  public static EventEnvelope envelope(
      String eventType, String source, Instant timestamp, String correlationId, @Nullable String causationId, long sequenceNumber,
      JsonNode data) {
    return new EventEnvelope(UUID.randomUUID().toString(), eventType, 1, source, timestamp, correlationId, causationId,
        sequenceNumber, null, data, Map.of("service", "test"));
  }

  public static JsonNode data(Object... keysAndValues) {
    var node = MAPPER.createObjectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
    }
    return node;
  }

  /** The SQS body a rule delivers: the EventBridge event with the envelope as its detail. */
  public static String eventBridgeEvent(EventEnvelope envelope, String detailType) {
    return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"" + detailType + "\",\"source\":\""
        + envelope.source() + "\",\"account\":\"000000000000\",\"time\":\"" + envelope.timestamp() + "\",\"region\":\"us-east-1\","
        + "\"resources\":[],\"detail\":" + JSON.write(envelope) + "}";
  }

  /** Publishes analytics events through the analytics bus, whose rules feed both the analytics and the archive queue. */
  public static void publishAnalytics(LocalAws localAws, Topology topology, List<EventEnvelope> events) {
    String bus = topology.bus("analytics").name();
    for (int from = 0; from < events.size(); from += 10) {
      List<PutEventsRequestEntry> entries = events.subList(from, Math.min(events.size(), from + 10)).stream()
          .map(event -> PutEventsRequestEntry.builder().eventBusName(bus).source(event.source()).detailType("RestaurantQueryAnalytics")
              .detail(JSON.write(event)).build()).toList();
      int failed = localAws.eventBridge().putEvents(request -> request.entries(entries)).failedEntryCount();
      if (failed > 0) {
        throw new AssertionError(failed + " of " + entries.size() + " entries were refused by PutEvents");
      }
    }
  }
}
