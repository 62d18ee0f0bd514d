package com.bellyfed.analytics.ingest;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.ingest.IngestWriter.AggregateRow;
import com.bellyfed.analytics.ingest.IngestWriter.Contribution;
import com.bellyfed.analytics.ingest.IngestWriter.PendingEvent;
import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.consuming.DeliveredEvent;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import tools.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Validates analytics events against the seed structure, enriches them (received time,
 * processing delay, service) and stores each with what it adds to its two aggregate minutes, in
 * one DynamoDB transaction shared with the events of other polls ({@link IngestWriter}): the
 * event, its counts and its sketch bins are written exactly once, however often SQS delivers it,
 * because the event's own put is conditional on its eventId being new. A replay's copy
 * ({@code metadata.replayed}) restores the event's row when it is missing and adds nothing to the
 * aggregates, which counted the live delivery (decision 60).
 */
@Component
public class AnalyticsIngest {

  /** The consumer name of the analytics listener, in metrics and dead-letter attributes. */
  public static final String CONSUMER = "analytics-ingest";
  /** How long a poll waits for its events' transaction before they all come back later. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]*_ANALYTICS");

  private final IngestWriter writer;
  private final EnvelopeJson json;
  private final Validator validator;
  private final Clock clock;
  private final Duration retention;
  private final MeterRegistry registry;
  private final Timer processingDelay;
  private final Counter duplicates;
  private final Counter restored;
  private final Counter rejected;

  AnalyticsIngest(
      IngestWriter writer, EnvelopeJson json, Validator validator, Clock clock, AnalyticsSettings settings,
      MeterRegistry registry) {
    this.writer = writer;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
    this.retention = settings.retention();
    this.registry = registry;
    this.processingDelay = Timer.builder("bellyfed.analytics.processing.delay")
        .description("From an analytics event's timestamp to the commit that stored it")
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(5))
        .maximumExpectedValue(Duration.ofMinutes(30))
        .register(registry);
    this.duplicates = Counter.builder("bellyfed.analytics.events.duplicates")
        .description("Analytics events delivered again and not counted twice").register(registry);
    this.restored = Counter.builder("bellyfed.analytics.events.restored")
        .description("Replayed analytics events whose missing row was stored again, not counted again").register(registry);
    this.rejected = Counter.builder("bellyfed.analytics.events.rejected")
        .description("Analytics events that break the seed structure, sent to the DLQ").register(registry);
  }

  /**
   * What is wrong with an SQS message of the analytics queue against the seed structure, or empty
   * when it is a valid analytics event. An unparseable envelope is left to the reliable consumer,
   * which dead-letters it with its parse error.
   */
  public Optional<String> problemWith(String body) {
    JsonNode detail;
    try {
      detail = json.readTree(body).path("detail");
    } catch (Exception e) {
      return Optional.empty();
    }
    EventEnvelope envelope;
    try {
      envelope = json.read(detail.toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    if (!TYPE.matcher(envelope.eventType()).matches()) {
      problems.add("field 'eventType' must end in _ANALYTICS, was '" + envelope.eventType() + "'");
    }
    if (envelope.timestamp() == null) {
      problems.add("field 'timestamp' is required");
    }
    JsonNode data = envelope.data();
    if (!data.path("action").isString() || data.path("action").asString("").isBlank()) {
      problems.add("field 'data.action' is required");
    }
    checkEnum(problems, data, "eventCategory", AnalyticsEvent.Category.class);
    checkEnum(problems, data, "status", AnalyticsEvent.Status.class);
    if (!data.path("duration").canConvertToLong() || !data.path("duration").isIntegralNumber() || data.path("duration").asLong(0) < 0) {
      problems.add("field 'data.duration' must be a whole number of milliseconds, 0 or more");
    }
    if (!data.path("properties").isObject()) {
      problems.add("field 'data.properties' must be an object");
    }
    if (problems.isEmpty()) {
      AnalyticsEvent seed = json.payload(envelope, AnalyticsEvent.class);
      validator.validate(seed).stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .forEach(v -> problems.add("field 'data." + v.getPropertyPath() + "' " + v.getMessage()));
    }
    if (!problems.isEmpty()) {
      rejected.increment();
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /**
   * Stores the valid analytics events of one poll and counts each in its minute, once: hands them
   * to the writer, which commits them with the events other polls handed over meanwhile, and waits
   * for that commit. Throws (so that all come back) when the write failed.
   */
  public void store(List<DeliveredEvent> delivered) throws Exception {
    Instant received = clock.instant();
    List<PendingEvent> pending = new ArrayList<>(delivered.size());
    List<AnalyticsEvent> seeds = new ArrayList<>(delivered.size());
    for (DeliveredEvent event : delivered) {
      AnalyticsEvent seed = json.payload(event.envelope(), AnalyticsEvent.class);
      seeds.add(seed);
      pending.add(pending(event.envelope(), seed, received, retention));
    }
    pending.forEach(writer::submit);
    CompletableFuture.allOf(pending.stream().map(PendingEvent::stored).toArray(CompletableFuture[]::new))
        .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Instant committed = clock.instant();
    for (int i = 0; i < pending.size(); i++) {
      PendingEvent event = pending.get(i);
      if (!event.stored().join()) {
        duplicates.increment();
        continue;
      }
      if (event.replay()) {
        // Not live traffic: its delay is the replay's age and it was counted when it was live.
        restored.increment();
        continue;
      }
      Duration delay = Duration.between(event.timestamp(), committed);
      processingDelay.record(delay.isNegative() ? Duration.ZERO : delay);
      AnalyticsEvent seed = seeds.get(i);
      registry.counter("bellyfed.analytics.events.ingested", "service", event.item().get("service").s(),
          "category", seed.eventCategory().name(), "status", seed.status().name()).increment();
    }
  }

  /**
   * The event's row and what it adds to the aggregates: its service and type, and its service over all types,
   * in its minute; nothing for a replay's copy, whose row names the replay job instead.
   */
  static PendingEvent pending(EventEnvelope envelope, AnalyticsEvent seed, Instant received, Duration retention) {
    String service = serviceOf(envelope, seed);
    long expiresAt = received.plus(retention).getEpochSecond();
    String minute = SortableInstant.minute(envelope.timestamp());
    String bin = DurationSketch.binOf(seed.duration());
    String category = AnalyticsTable.CATEGORY_PREFIX + seed.eventCategory().name();
    long failures = seed.status() == AnalyticsEvent.Status.FAILURE ? 1 : 0;
    Map<String, AttributeValue> item = eventItem(envelope, seed, service, received, expiresAt);
    List<Contribution> contributions = List.of();
    if (envelope.replayed()) {
      item.put(IngestWriter.RESTORED_BY, AttributeValue.fromS(envelope.metadata().getOrDefault("replayJobId", "unknown")));
    } else {
      contributions = List.of(
          new Contribution(new AggregateRow(AnalyticsTable.series(service, envelope.eventType()), minute, service, envelope.eventType()),
              failures, seed.duration(), bin, category),
          new Contribution(new AggregateRow(AnalyticsTable.series(service, AnalyticsTable.ALL_TYPES), minute, service, AnalyticsTable.ALL_TYPES),
              failures, seed.duration(), bin, category));
    }
    int size = item.values().stream().mapToInt(value -> value.s() != null ? value.s().length() : 24).sum() + 512;
    return new PendingEvent(envelope.eventId(), envelope.timestamp(), item, contributions, expiresAt, size, new CompletableFuture<>());
  }

  private static Map<String, AttributeValue> eventItem(
      EventEnvelope envelope, AnalyticsEvent seed, String service, Instant received, long expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("eventId", AttributeValue.fromS(envelope.eventId()));
    item.put("eventType", AttributeValue.fromS(envelope.eventType()));
    item.put("service", AttributeValue.fromS(service));
    item.put("serviceEventType", AttributeValue.fromS(AnalyticsTable.series(service, envelope.eventType())));
    // Unique per event, so a page boundary never falls between two equal keys.
    item.put("timestamp", AttributeValue.fromS(SortableInstant.of(envelope.timestamp()) + "#" + envelope.eventId()));
    item.put("occurredAt", AttributeValue.fromS(envelope.timestamp().toString()));
    item.put("action", AttributeValue.fromS(seed.action()));
    item.put("eventCategory", AttributeValue.fromS(seed.eventCategory().name()));
    item.put("status", AttributeValue.fromS(seed.status().name()));
    item.put("duration", AttributeValue.fromN(Long.toString(seed.duration())));
    item.put("properties", AttributeValue.fromS(envelope.data().path("properties").toString()));
    item.put("source", AttributeValue.fromS(envelope.source()));
    item.put("correlationId", AttributeValue.fromS(envelope.correlationId() == null ? "" : envelope.correlationId()));
    if (envelope.userId() != null) {
      item.put("userId", AttributeValue.fromS(envelope.userId()));
    }
    item.put("receivedAt", AttributeValue.fromS(received.toString()));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
    return item;
  }

  private static <E extends Enum<E>> void checkEnum(List<String> problems, JsonNode data, String field, Class<E> type) {
    String value = data.path(field).asString("");
    try {
      Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add("field 'data." + field + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + (data.hasNonNull(field) ? ", was '" + (value.length() > 50 ? value.substring(0, 50) : value) + "'" : ""));
    }
  }

  /** The seed's service property, else the emitting service in the metadata, else the source's domain. */
  static String serviceOf(EventEnvelope envelope, AnalyticsEvent seed) {
    for (String key : List.of("service", "serviceName")) {
      Object value = seed.properties().get(key);
      if (value instanceof String name && !name.isBlank()) {
        return name.length() > 100 ? name.substring(0, 100) : name;
      }
    }
    @Nullable String emitter = envelope.metadata().get("service");
    if (emitter != null && !emitter.isBlank()) {
      return emitter;
    }
    return envelope.source().startsWith("bellyfed.") ? envelope.source().substring("bellyfed.".length()) : envelope.source();
  }
}
