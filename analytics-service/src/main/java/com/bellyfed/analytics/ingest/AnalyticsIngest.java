package com.bellyfed.analytics.ingest;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Validates analytics events against the seed structure, enriches them (received time,
 * processing delay, service) and stores each with its two aggregate minutes in one DynamoDB
 * transaction that also holds the idempotency guard's record: the event, its counts and its
 * sketch bins are written exactly once, however often SQS delivers it.
 */
@Component
public class AnalyticsIngest {

  /** The consumer name under which handled analytics events are remembered. */
  public static final String CONSUMER = "analytics-ingest";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]*_ANALYTICS");

  private final DynamoDbClient dynamoDb;
  private final IdempotencyGuard guard;
  private final EnvelopeJson json;
  private final Validator validator;
  private final Clock clock;
  private final Duration retention;
  private final String eventsTable;
  private final String aggregatesTable;
  private final MeterRegistry registry;
  private final Timer processingDelay;
  private final Counter duplicates;
  private final Counter rejected;

  AnalyticsIngest(
      DynamoDbClient dynamoDb, IdempotencyGuard guard, EnvelopeJson json, Validator validator, Clock clock,
      AnalyticsSettings settings, Topology topology, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.guard = guard;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
    this.retention = settings.retention();
    this.eventsTable = topology.table("analytics-events").name();
    this.aggregatesTable = topology.table("analytics-aggregates").name();
    this.registry = registry;
    this.processingDelay = Timer.builder("bellyfed.analytics.processing.delay")
        .description("From an analytics event's timestamp to its storage")
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(5))
        .maximumExpectedValue(Duration.ofMinutes(30))
        .register(registry);
    this.duplicates = Counter.builder("bellyfed.analytics.events.duplicates")
        .description("Analytics events delivered again and not counted twice").register(registry);
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
      detail = MAPPER.readTree(body).path("detail");
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
    if (!data.path("action").isTextual() || data.path("action").asText().isBlank()) {
      problems.add("field 'data.action' is required");
    }
    checkEnum(problems, data, "eventCategory", AnalyticsEvent.Category.class);
    checkEnum(problems, data, "status", AnalyticsEvent.Status.class);
    if (!data.path("duration").canConvertToLong() || !data.path("duration").isIntegralNumber() || data.path("duration").asLong() < 0) {
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

  /** Stores one valid analytics event and counts it in its minute, once. */
  public void on(EventEnvelope envelope) {
    AnalyticsEvent seed = json.payload(envelope, AnalyticsEvent.class);
    Instant received = clock.instant();
    String service = serviceOf(envelope, seed);
    Duration measured = Duration.between(envelope.timestamp(), received);
    Duration delay = measured.isNegative() ? Duration.ZERO : measured;
    long expiresAt = received.plus(retention).getEpochSecond();
    String minute = SortableInstant.minute(envelope.timestamp());

    List<TransactWriteItem> items = new ArrayList<>();
    items.add(guard.transactItem(CONSUMER, envelope.eventId()));
    items.add(TransactWriteItem.builder().put(put -> put.tableName(eventsTable)
        .item(eventItem(envelope, seed, service, received, delay, expiresAt))
        .conditionExpression("attribute_not_exists(eventId)")).build());
    items.add(aggregateUpdate(AnalyticsTable.series(service, envelope.eventType()), minute, seed, service, envelope.eventType(), expiresAt));
    items.add(aggregateUpdate(AnalyticsTable.series(service, AnalyticsTable.ALL_TYPES), minute, seed, service, AnalyticsTable.ALL_TYPES, expiresAt));
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(request -> request.transactItems(items));
        break;
      } catch (TransactionCanceledException cancelled) {
        if (IdempotencyGuard.isDuplicate(cancelled, 0) || IdempotencyGuard.isDuplicate(cancelled, 1)) {
          duplicates.increment();
          return;
        }
        // Events of one minute share its aggregate rows; concurrent transactions on them conflict.
        boolean conflict = cancelled.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        if (!conflict || attempt == 5) {
          throw cancelled;
        }
        pause(attempt);
      }
    }
    processingDelay.record(delay);
    registry.counter("bellyfed.analytics.events.ingested",
        "service", service, "category", seed.eventCategory().name(), "status", seed.status().name()).increment();
  }

  private TransactWriteItem aggregateUpdate(
      String series, String minute, AnalyticsEvent seed, String service, String eventType, long expiresAt) {
    String bin = DurationSketch.binOf(seed.duration());
    String category = AnalyticsTable.CATEGORY_PREFIX + seed.eventCategory().name();
    Map<String, String> names = new HashMap<>(Map.of(
        "#count", "count", "#failures", "failures", "#sum", "durationSum", "#bin", bin, "#cat", category,
        "#expiresAt", "expiresAt", "#service", "service", "#eventType", "eventType"));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":one", AttributeValue.fromN("1"),
        ":failure", AttributeValue.fromN(seed.status() == AnalyticsEvent.Status.FAILURE ? "1" : "0"),
        ":duration", AttributeValue.fromN(Long.toString(seed.duration())),
        ":expiresAt", AttributeValue.fromN(Long.toString(expiresAt)),
        ":service", AttributeValue.fromS(service),
        ":eventType", AttributeValue.fromS(eventType)));
    return TransactWriteItem.builder().update(update -> update.tableName(aggregatesTable)
        .key(Map.of("series", AttributeValue.fromS(series), "bucketStart", AttributeValue.fromS(minute)))
        // ADD is atomic and needs no read: concurrent events of one minute never lose a count.
        .updateExpression("ADD #count :one, #failures :failure, #sum :duration, #bin :one, #cat :one "
            + "SET #expiresAt = :expiresAt, #service = :service, #eventType = :eventType")
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)).build();
  }

  private Map<String, AttributeValue> eventItem(
      EventEnvelope envelope, AnalyticsEvent seed, String service, Instant received, Duration delay, long expiresAt) {
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
    item.put("processingDelayMs", AttributeValue.fromN(Long.toString(delay.toMillis())));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
    return item;
  }

  private static <E extends Enum<E>> void checkEnum(List<String> problems, JsonNode data, String field, Class<E> type) {
    String value = data.path(field).asText("");
    try {
      Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add("field 'data." + field + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + (data.hasNonNull(field) ? ", was '" + (value.length() > 50 ? value.substring(0, 50) : value) + "'" : ""));
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying a conflicting transaction", e);
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
