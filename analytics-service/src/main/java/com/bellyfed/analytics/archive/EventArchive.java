package com.bellyfed.analytics.archive;

import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.consuming.DeliveredEvent;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.resilience.Attempts;
import com.bellyfed.kit.resilience.Declared;
import com.bellyfed.kit.resilience.TryAgain;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The event store. event-archive ({@code eventId}): the envelope as JSON with the EventBridge
 * source and detail-type it came with; GSIs by correlation id ({@code correlationId},
 * {@code orderKey} = timestamp#sequenceNumber#eventId), by type ({@code eventType},
 * {@code timestamp}) and by hour ({@code hour}, {@code timestamp}), timestamps fixed-width so that
 * string order is time order. Each event is one item keyed by its eventId, so however often it
 * arrives it is stored once.
 */
@Component
public class EventArchive {

  public static final String CONSUMER = "event-archive";
  private static final int MAX_BATCH = 25;
  static final String CORRELATION_INDEX = "archive-correlation-index";
  static final String HOUR_INDEX = "archive-hour-index";

  private final DynamoDbClient dynamoDb;
  private final EnvelopeJson json;
  private final String table;
  private final Counter stored;
  private final Counter skippedReplays;
  private final Retry retry;

  EventArchive(DynamoDbClient dynamoDb, EnvelopeJson json, Topology topology, RetryRegistry retries, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    // Exponential backoff with jitter, as AWS advises for unprocessed items: resilience4j.retry.instances.archive.
    this.retry = Declared.retry(retries, "archive");
    this.json = json;
    this.table = topology.table("event-archive").name();
    this.stored = Counter.builder("bellyfed.archive.stored").description("Events stored in the event archive").register(registry);
    this.skippedReplays = Counter.builder("bellyfed.archive.replays.skipped")
        .description("Replayed copies of events that reached the archive and were not stored over their originals").register(registry);
  }

  /** One archived event with what a replay needs to publish it again. */
  public record ArchivedEvent(EventEnvelope envelope, String source, String detailType) {

    /** The event's data as JSON text, so that the web layer reads it with its own (Jackson 3) mapper. */
    public String dataJson() {
      return envelope.data().toString();
    }
  }

  /**
   * Stores the events of one poll with BatchWriteItem. Storing an event again writes the same item
   * (every attribute derives from the envelope and its detail-type), so a redelivery changes nothing.
   * A replayed copy (same eventId, flagged in its metadata) is never stored: it would overwrite the
   * original's metadata, and the catch-all rule does not route replays here anyway.
   */
  public void storeAll(List<DeliveredEvent> events) {
    List<WriteRequest> writes = new ArrayList<>(events.size());
    for (DeliveredEvent event : events) {
      if (event.envelope().replayed()) {
        skippedReplays.increment();
      } else {
        writes.add(WriteRequest.builder().putRequest(put -> put.item(item(event.envelope(), event.detailType()))).build());
      }
    }
    for (int from = 0; from < writes.size(); from += MAX_BATCH) {
      write(writes.subList(from, Math.min(writes.size(), from + MAX_BATCH)));
    }
  }

  private void write(List<WriteRequest> writes) {
    List<Map<String, List<WriteRequest>>> unprocessed = new ArrayList<>(List.of(Map.of(table, writes)));
    Attempts.run(retry, attempt -> {
      Map<String, List<WriteRequest>> request = unprocessed.get(0);
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(batch -> batch.requestItems(request));
      int left = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()).size() : 0;
      stored.increment(request.get(table).size() - left);
      if (left > 0) {
        unprocessed.set(0, response.unprocessedItems());
        throw new TryAgain(new IllegalStateException("DynamoDB left " + left + " archive items unprocessed after " + attempt + " attempts"));
      }
    });
  }

  private Map<String, AttributeValue> item(EventEnvelope envelope, String detailType) {
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
    return item;
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
   * The order of a replay: timestamp, then sequence number within one aggregate, then event id, so
   * that the order is total and a resumed replay finds its place again.
   */
  public static final Comparator<ArchivedEvent> ORDER = Comparator.comparing((ArchivedEvent e) -> e.envelope().timestamp())
      .thenComparingLong(e -> e.envelope().sequenceNumber()).thenComparing(e -> e.envelope().eventId());

  /**
   * Calls {@code sink} with every archived event in [from, to), in {@link #ORDER}, hour partition
   * by hour partition.
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
      events.sort(ORDER);
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
