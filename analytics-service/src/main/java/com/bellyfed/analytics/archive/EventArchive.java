package com.bellyfed.analytics.archive;

import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The event store. event-archive ({@code eventId}): the envelope as JSON with the EventBridge
 * source and detail-type it came with; GSIs by correlation id ({@code correlationId},
 * {@code orderKey} = timestamp#sequenceNumber#eventId), by type ({@code eventType},
 * {@code timestamp}) and by hour ({@code hour}, {@code timestamp}), timestamps fixed-width so that
 * string order is time order. A conditional put stores each event once, however often it arrives.
 */
@Component
public class EventArchive {

  public static final String CONSUMER = "event-archive";
  static final String CORRELATION_INDEX = "archive-correlation-index";
  static final String HOUR_INDEX = "archive-hour-index";

  private final DynamoDbClient dynamoDb;
  private final EnvelopeJson json;
  private final String table;
  private final Counter stored;
  private final Counter duplicates;

  EventArchive(DynamoDbClient dynamoDb, EnvelopeJson json, Topology topology, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.json = json;
    this.table = topology.table("event-archive").name();
    this.stored = Counter.builder("bellyfed.archive.stored").description("Events stored in the event archive").register(registry);
    this.duplicates = Counter.builder("bellyfed.archive.duplicates").description("Archive deliveries of events stored already").register(registry);
  }

  /** One archived event with what a replay needs to publish it again. */
  public record ArchivedEvent(EventEnvelope envelope, String source, String detailType) {}

  public void store(EventEnvelope envelope, String detailType) {
    Map<String, AttributeValue> item = new HashMap<>();
    String timestamp = SortableInstant.of(envelope.timestamp());
    item.put("eventId", AttributeValue.fromS(envelope.eventId()));
    item.put("eventType", AttributeValue.fromS(envelope.eventType()));
    item.put("source", AttributeValue.fromS(envelope.source()));
    item.put("detailType", AttributeValue.fromS(detailType));
    item.put("timestamp", AttributeValue.fromS(timestamp));
    item.put("hour", AttributeValue.fromS(SortableInstant.hour(envelope.timestamp())));
    item.put("sequenceNumber", AttributeValue.fromN(Long.toString(envelope.sequenceNumber())));
    item.put("orderKey", AttributeValue.fromS(orderKey(envelope)));
    if (envelope.correlationId() != null && !envelope.correlationId().isBlank()) {
      item.put("correlationId", AttributeValue.fromS(envelope.correlationId()));
    }
    if (envelope.causationId() != null) {
      item.put("causationId", AttributeValue.fromS(envelope.causationId()));
    }
    item.put("envelope", AttributeValue.fromS(json.write(envelope)));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(eventId)"));
      stored.increment();
    } catch (ConditionalCheckFailedException alreadyStored) {
      duplicates.increment();
    }
  }

  /** Every event of one correlation id, ordered by timestamp, then sequence number. */
  public List<ArchivedEvent> chain(String correlationId) {
    List<ArchivedEvent> events = new ArrayList<>();
    query(QueryRequest.builder().tableName(table).indexName(CORRELATION_INDEX)
        .keyConditionExpression("correlationId = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(correlationId))), item -> events.add(archived(item)), 10_000);
    return events;
  }

  /**
   * Calls {@code sink} with every archived event in [from, to), in the order they happened
   * (timestamp, then sequence number within one aggregate), hour partition by hour partition.
   * {@code sink} returns false to stop.
   */
  public void window(Instant from, Instant to, java.util.function.Predicate<ArchivedEvent> sink) {
    Instant hour = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    while (hour.isBefore(to)) {
      List<ArchivedEvent> events = new ArrayList<>();
      query(QueryRequest.builder().tableName(table).indexName(HOUR_INDEX)
          .keyConditionExpression("#hour = :hour AND #ts BETWEEN :from AND :to")
          .expressionAttributeNames(Map.of("#hour", "hour", "#ts", "timestamp"))
          .expressionAttributeValues(Map.of(
              ":hour", AttributeValue.fromS(SortableInstant.hour(hour)),
              ":from", AttributeValue.fromS(SortableInstant.of(from)),
              ":to", AttributeValue.fromS(SortableInstant.of(to.minusNanos(1))))), item -> events.add(archived(item)), Integer.MAX_VALUE);
      // The index orders by timestamp only: equal timestamps are put in sequence order here.
      events.sort(Comparator.comparing((ArchivedEvent e) -> e.envelope().timestamp()).thenComparingLong(e -> e.envelope().sequenceNumber()));
      for (ArchivedEvent event : events) {
        if (!sink.test(event)) {
          return;
        }
      }
      hour = hour.plus(java.time.Duration.ofHours(1));
    }
  }

  private void query(QueryRequest.Builder request, Consumer<Map<String, AttributeValue>> sink, int max) {
    Map<String, AttributeValue> start = null;
    int seen = 0;
    do {
      QueryResponse page = dynamoDb.query(request.exclusiveStartKey(start).build());
      for (Map<String, AttributeValue> item : page.items()) {
        if (seen++ >= max) {
          return;
        }
        sink.accept(item);
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
  }

  private ArchivedEvent archived(Map<String, AttributeValue> item) {
    return new ArchivedEvent(json.read(item.get("envelope").s()), item.get("source").s(), item.get("detailType").s());
  }

  private static String orderKey(EventEnvelope envelope) {
    return SortableInstant.of(envelope.timestamp()) + "#" + String.format("%020d", Math.max(0, envelope.sequenceNumber())) + "#" + envelope.eventId();
  }
}
