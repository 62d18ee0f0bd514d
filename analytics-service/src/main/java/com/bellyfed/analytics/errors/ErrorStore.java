package com.bellyfed.analytics.errors;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.paging.Cursor;
import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * them ({@code bellyfed.errors.received} by service, severity and code).
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
  private final MeterRegistry registry;
  private final String table;

  ErrorStore(DynamoDbClient dynamoDb, IdempotencyGuard guard, EnvelopeJson json, Clock clock, AnalyticsSettings settings,
      MeterRegistry registry, Topology topology) {
    this.dynamoDb = dynamoDb;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
    this.settings = settings;
    this.registry = registry;
    this.table = topology.table("errors").name();
  }

  /** One stored error. */
  public record StoredError(
      String eventId, String service, String severity, String errorCode, @Nullable String message, Map<String, String> context,
      boolean canRetry, String occurredAt, @Nullable String correlationId) {}

  /** A page of errors, newest first, with counts of the page by severity and code. */
  public record ErrorPage(List<StoredError> errors, Map<String, Long> bySeverity, Map<String, Long> byCode, @Nullable String nextCursor) {}

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

  /** By service (the table's key) or by severity (its index); at least one must be given. */
  public ErrorPage find(
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
    Map<String, Long> bySeverity = new TreeMap<>();
    Map<String, Long> byCode = new TreeMap<>();
    for (StoredError error : errors) {
      bySeverity.merge(error.severity(), 1L, Long::sum);
      byCode.merge(error.errorCode(), 1L, Long::sum);
    }
    return new ErrorPage(errors, bySeverity, byCode, page.hasLastEvaluatedKey() ? Cursor.encode(page.lastEvaluatedKey()) : null);
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
