package com.bellyfed.analytics.errors;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stores {@code ErrorOccurred} events in the errors table (service, occurredAt#eventId; GSI
 * errors-severity-index by severity and occurredAt; TTL expiresAt), once per event, and counts
 * them ({@code bellyfed.errors.received} by service, severity and code). Every read is a Query: by
 * service, by severity, or all of them as the severity partitions merged.
 */
@Component
public class ErrorStore {

  public static final String CONSUMER = "error-intake";
  static final String SEVERITY_INDEX = "errors-severity-index";

  private final DynamoDbClient dynamoDb;
  private final IdempotencyGuard guard;
  private final EnvelopeJson json;
  private final Clock clock;
  private final AnalyticsSettings settings;
  private final Cursors cursors;
  private final MeterRegistry registry;
  private final String table;

  ErrorStore(DynamoDbClient dynamoDb, IdempotencyGuard guard, EnvelopeJson json, Clock clock, AnalyticsSettings settings,
      MeterRegistry registry, Topology topology, Cursors cursors) {
    this.dynamoDb = dynamoDb;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
    this.settings = settings;
    this.cursors = cursors;
    this.registry = registry;
    this.table = topology.table("errors").name();
  }

  /** One stored error. */
  public record StoredError(
      String eventId, String service, String severity, String errorCode, @Nullable String message, Map<String, String> context,
      boolean canRetry, String occurredAt, @Nullable String correlationId) {}

  /** A page of errors, newest first, with counts of the page by severity and code. */

  public void on(EventEnvelope envelope) {
    ErrorOccurred error = json.payload(envelope, ErrorOccurred.class);
    if (error.service() == null || error.severity() == null || error.errorCode() == null) {
      throw new IllegalArgumentException("ErrorOccurred " + envelope.eventId() + " lacks service, severity or errorCode");
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("service", AttributeValue.fromS(error.service()));
    item.put("occurredAt", AttributeValue.fromS(SortableInstant.of(envelope.timestamp()) + "#" + envelope.eventId()));
    item.put("eventId", AttributeValue.fromS(envelope.eventId()));
    item.put("severity", AttributeValue.fromS(error.severity().name()));
    item.put("errorCode", AttributeValue.fromS(error.errorCode()));
    if (error.message() != null) {
      item.put("message", AttributeValue.fromS(error.message()));
    }
    Map<String, AttributeValue> context = new HashMap<>();
    if (error.context() != null) {
      error.context().forEach((key, value) -> context.put(key, AttributeValue.fromS(String.valueOf(value))));
    }
    item.put("context", AttributeValue.fromM(context));
    item.put("canRetry", AttributeValue.fromBool(error.canRetry()));
    item.put("timestamp", AttributeValue.fromS(envelope.timestamp().toString()));
    if (envelope.correlationId() != null) {
      item.put("correlationId", AttributeValue.fromS(envelope.correlationId()));
    }
    item.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(settings.errorRetention()).getEpochSecond())));
    try {
      dynamoDb.transactWriteItems(request -> request.transactItems(
          guard.transactItem(CONSUMER, envelope.eventId()),
          TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build()));
    } catch (TransactionCanceledException cancelled) {
      if (IdempotencyGuard.isDuplicate(cancelled, 0)) {
        return;
      }
      throw cancelled;
    }
    registry.counter("bellyfed.errors.received",
        "service", error.service(), "severity", error.severity().name(), "code", error.errorCode()).increment();
  }

  /** What a cursor of {@link #findAll} belongs to. */
  public static final String MERGED_LISTING = "errors|all";

  /** The partitions of the severity index, one per severity. */
  public static final Set<String> SEVERITIES =
      Arrays.stream(ErrorOccurred.Severity.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  /** What a cursor of {@link #find} belongs to: the service's partition of the table, or the severity's of the index. */
  public static String listing(@Nullable String service, @Nullable String severity) {
    return "errors|" + (service == null ? "" : service) + "|" + (severity == null ? "" : severity);
  }

  /** By service (the table's key) or by severity (its index); at least one must be given. */
  public Page<StoredError> find(
      @Nullable String service, @Nullable String severity, Instant from, Instant to, int limit, @Nullable Map<String, AttributeValue> cursor) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":from", AttributeValue.fromS(SortableInstant.of(from)),
        ":to", AttributeValue.fromS(SortableInstant.of(to))));
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(limit).exclusiveStartKey(cursor).scanIndexForward(false);
    if (service != null) {
      values.put(":service", AttributeValue.fromS(service));
      query.keyConditionExpression("service = :service AND occurredAt BETWEEN :from AND :to");
      if (severity != null) {
        values.put(":severity", AttributeValue.fromS(severity));
        query.filterExpression("severity = :severity");
      }
    } else {
      values.put(":severity", AttributeValue.fromS(String.valueOf(severity)));
      query.indexName(SEVERITY_INDEX).keyConditionExpression("severity = :severity AND occurredAt BETWEEN :from AND :to");
    }
    QueryResponse page = dynamoDb.query(query.expressionAttributeValues(values).build());
    List<StoredError> errors = page.items().stream().map(ErrorStore::error).toList();
    return new Page<>(errors, cursors.next(listing(service, severity), page.lastEvaluatedKey()));
  }

  /**
   * All errors, newest first: the severity index's partitions merged. Each partition is read in
   * pages of at most {@code limit} items from where the cursor left it, and again only when the
   * merge has taken all it read, so a page costs at most one query per severity unless DynamoDB's
   * 1 MB page cap cuts one short. Ties on the instant fall to the event id, as in the sort key.
   *
   * @param positions a merged cursor's positions (Cursors#decodeMerged), null for the first page
   */
  public Page<StoredError> findAll(Instant from, Instant to, int limit, @Nullable Map<String, Map<String, AttributeValue>> positions) {
    List<Partition> partitions = new ArrayList<>();
    for (String severity : SEVERITIES.stream().sorted().toList()) {
      Map<String, AttributeValue> position = positions == null ? null : positions.get(severity);
      if (position == null || !position.isEmpty()) {
        partitions.add(new Partition(severity, position));
      }
    }
    List<Map<String, AttributeValue>> taken = new ArrayList<>();
    while (taken.size() < limit) {
      Partition newest = null;
      for (Partition partition : partitions) {
        if (partition.buffer.isEmpty() && partition.more) {
          partition.read(from, to, limit - taken.size());
        }
        if (!partition.buffer.isEmpty() && (newest == null || occurredAt(partition.buffer.peek()).compareTo(occurredAt(newest.buffer.peek())) > 0)) {
          newest = partition;
        }
      }
      if (newest == null) {
        break;
      }
      Map<String, AttributeValue> item = newest.buffer.poll();
      newest.position = indexKey(item);
      taken.add(item);
    }
    Map<String, Map<String, AttributeValue>> next = new TreeMap<>();
    SEVERITIES.forEach(severity -> next.put(severity, Map.of()));
    boolean remaining = false;
    for (Partition partition : partitions) {
      if (partition.buffer.isEmpty() && !partition.more) {
        continue;
      }
      remaining = true;
      if (partition.position == null) {
        next.remove(partition.severity);
      } else {
        next.put(partition.severity, partition.position);
      }
    }
    return new Page<>(taken.stream().map(ErrorStore::error).toList(), remaining ? cursors.nextMerged(MERGED_LISTING, next) : null);
  }

  /** One severity's partition of the index: what was read of it and not yet returned, and where the next read starts. */
  private final class Partition {

    final String severity;
    final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
    /** The key of the last item returned (null: none yet), which is where the next page resumes. */
    @Nullable Map<String, AttributeValue> position;
    @Nullable Map<String, AttributeValue> readFrom;
    boolean more = true;

    Partition(String severity, @Nullable Map<String, AttributeValue> position) {
      this.severity = severity;
      this.position = position;
      this.readFrom = position;
    }

    void read(Instant from, Instant to, int limit) {
      QueryResponse page = dynamoDb.query(query -> query.tableName(table).indexName(SEVERITY_INDEX)
          .keyConditionExpression("severity = :severity AND occurredAt BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(
              ":severity", AttributeValue.fromS(severity),
              ":from", AttributeValue.fromS(SortableInstant.of(from)),
              ":to", AttributeValue.fromS(SortableInstant.of(to))))
          .scanIndexForward(false).limit(limit).exclusiveStartKey(readFrom));
      buffer.addAll(page.items());
      more = page.hasLastEvaluatedKey();
      readFrom = more ? page.lastEvaluatedKey() : null;
    }
  }

  private static String occurredAt(Map<String, AttributeValue> item) {
    return item.get("occurredAt").s();
  }

  /** An item's key in the severity index: the index's own key and the table's. */
  private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item) {
    return Map.of("severity", item.get("severity"), "occurredAt", item.get("occurredAt"), "service", item.get("service"));
  }

  private static StoredError error(Map<String, AttributeValue> item) {
    Map<String, String> context = new TreeMap<>();
    if (item.containsKey("context")) {
      item.get("context").m().forEach((key, value) -> context.put(key, value.s()));
    }
    return new StoredError(
        item.get("eventId").s(), item.get("service").s(), item.get("severity").s(), item.get("errorCode").s(),
        item.containsKey("message") ? item.get("message").s() : null, context,
        Boolean.TRUE.equals(item.get("canRetry").bool()), item.get("timestamp").s(),
        item.containsKey("correlationId") ? item.get("correlationId").s() : null);
  }
}
