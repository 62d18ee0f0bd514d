package com.bellyfed.analytics.ingest;

import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers the analytics read API from the aggregate rows and the event indexes, always with Query. */
@Component
public class AnalyticsQueries {

  private final DynamoDbClient dynamoDb;
  private final String eventsTable;
  private final String aggregatesTable;
  private final Cursors cursors;
  private final JsonMapper jsonMapper;

  AnalyticsQueries(DynamoDbClient dynamoDb, Topology topology, Cursors cursors, JsonMapper jsonMapper) {
    this.dynamoDb = dynamoDb;
    this.cursors = cursors;
    this.jsonMapper = jsonMapper;
    this.eventsTable = topology.table("analytics-events").name();
    this.aggregatesTable = topology.table("analytics-aggregates").name();
  }

  /** Bucket widths of a summary. */
  public enum Bucket {
    MINUTE(ChronoUnit.MINUTES),
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    Bucket(ChronoUnit unit) {
      this.unit = unit;
    }
  }

  /** Counts and duration percentiles of one bucket (or of the whole range). */
  public record Stats(
      String start, long count, long failures, double errorRate, Map<String, Long> byCategory,
      double durationMean, double durationP50, double durationP90, double durationP95, double durationP99) {}

  /** A summary: the whole range and each bucket, oldest first. */
  public record Summary(
      String service, String eventType, Instant from, Instant to, String bucket, double relativeAccuracy, Stats total, List<Stats> buckets) {}

  /** One stored analytics event, as enriched. */
  public record StoredEvent(
      String eventId, String eventType, String service, String action, String eventCategory, String status, long duration,
      String timestamp, String receivedAt, long processingDelayMs, String correlationId, long expiresAt,
      // A plain map, not a tree: the type says what the contract is, whichever Jackson reads it.
      Map<String, Object> properties) {}

  /** A page of events, oldest first, with the cursor of the next page when there is one. */
  
  public Summary summary(String service, @Nullable String eventType, Instant from, Instant to, Bucket bucket) {
    String type = eventType == null ? AnalyticsTable.ALL_TYPES : eventType;
    TreeMap<Instant, Accumulator> buckets = new TreeMap<>();
    Accumulator total = new Accumulator();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = dynamoDb.query(QueryRequest.builder()
          .tableName(aggregatesTable)
          .keyConditionExpression("series = :series AND bucketStart BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(
              ":series", AttributeValue.fromS(AnalyticsTable.series(service, type)),
              ":from", AttributeValue.fromS(SortableInstant.minute(from)),
              // "~" sorts after the shards ("minute#1") of the last minute.
              ":to", AttributeValue.fromS(SortableInstant.minute(to.minusNanos(1)) + "~")))
          .exclusiveStartKey(exclusiveStart)
          .build());
      for (Map<String, AttributeValue> row : page.items()) {
        Instant minute = SortableInstant.parseMinute(row.get("bucketStart").s());
        Instant bucketStart = bucket == Bucket.MINUTE ? minute : minute.truncatedTo(bucket.unit);
        buckets.computeIfAbsent(bucketStart, key -> new Accumulator()).add(row);
        total.add(row);
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    List<Stats> stats = new ArrayList<>();
    buckets.forEach((bucketStart, accumulator) -> stats.add(accumulator.stats(bucketStart.toString())));
    return new Summary(service, type, from, to, bucket.name().toLowerCase(java.util.Locale.ROOT), DurationSketch.RELATIVE_ACCURACY,
        total.stats(from.toString()), stats);
  }

  /** What a cursor of {@link #events} belongs to: the page's partition of its index. */
  public static String listing(String service, @Nullable String eventType) {
    return "analytics-events|" + service + "|" + (eventType == null ? "" : eventType);
  }

  public Page<StoredEvent> events(
      String service, @Nullable String eventType, Instant from, Instant to, int limit, @Nullable Map<String, AttributeValue> cursor) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(eventsTable).limit(limit).exclusiveStartKey(cursor);
    Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
        ":from", AttributeValue.fromS(SortableInstant.of(from)),
        ":to", AttributeValue.fromS(SortableInstant.of(to))));
    if (eventType == null) {
      values.put(":key", AttributeValue.fromS(service));
      query.indexName(AnalyticsTable.BY_SERVICE_INDEX).keyConditionExpression("service = :key AND #ts BETWEEN :from AND :to");
    } else {
      values.put(":key", AttributeValue.fromS(AnalyticsTable.series(service, eventType)));
      query.indexName(AnalyticsTable.BY_TYPE_INDEX).keyConditionExpression("serviceEventType = :key AND #ts BETWEEN :from AND :to");
    }
    QueryResponse page = dynamoDb.query(query.expressionAttributeNames(Map.of("#ts", "timestamp")).expressionAttributeValues(values).build());
    List<StoredEvent> events = page.items().stream().map(this::event).toList();
    return new Page<>(events, cursors.next(listing(service, eventType), page.lastEvaluatedKey()));
  }

  private StoredEvent event(Map<String, AttributeValue> item) {
    Map<String, Object> properties;
    try {
      properties = jsonMapper.readValue(item.get("properties").s(), new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      properties = Map.of();
    }
    return new StoredEvent(
        item.get("eventId").s(), item.get("eventType").s(), item.get("service").s(), item.get("action").s(),
        item.get("eventCategory").s(), item.get("status").s(), Long.parseLong(item.get("duration").n()),
        item.get("occurredAt").s(), item.get("receivedAt").s(), Long.parseLong(item.get("processingDelayMs").n()),
        item.get("correlationId").s(), Long.parseLong(item.get("expiresAt").n()), properties);
  }

  /** Sums rows: counts add up, sketches merge. */
  private static final class Accumulator {
    long count;
    long failures;
    double durationSum;
    final Map<String, Long> byCategory = new TreeMap<>();
    final DurationSketch sketch = new DurationSketch();

    void add(Map<String, AttributeValue> row) {
      count += number(row, "count");
      failures += number(row, "failures");
      durationSum += number(row, "durationSum");
      row.forEach((name, value) -> {
        if (name.startsWith(AnalyticsTable.CATEGORY_PREFIX)) {
          byCategory.merge(name.substring(AnalyticsTable.CATEGORY_PREFIX.length()), Long.parseLong(value.n()), Long::sum);
        }
      });
      sketch.merge(row);
    }

    Stats stats(String start) {
      return new Stats(
          start, count, failures, count == 0 ? 0 : (double) failures / count, Map.copyOf(byCategory),
          count == 0 ? 0 : durationSum / count,
          sketch.quantile(0.5), sketch.quantile(0.9), sketch.quantile(0.95), sketch.quantile(0.99));
    }

    private static long number(Map<String, AttributeValue> row, String name) {
      AttributeValue value = row.get(name);
      return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
  }
}
