package com.bellyfed.analytics.ingest;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.resilience.Attempts;
import com.bellyfed.kit.resilience.Declared;
import com.bellyfed.kit.resilience.TryAgain;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes analytics events and their aggregate minutes in as few transactions as the load allows.
 * Listener threads hand over the events of their poll and wait; a writer thread takes whatever
 * queued up while its previous transaction ran, as much as one TransactWriteItems holds (100 items,
 * 4 MB), sums the events' counts and sketch bins per aggregate row, and commits the events (each put
 * on condition that its eventId is new) with one summed update per row. A quiet minute costs one
 * event's transaction; a busy one shares each row's update among up to 98 events. The conditional
 * puts are the idempotency record: a transaction cancelled by one of them names the duplicates,
 * which are dropped, and the rest commits. A replay's copy of an event only fills in a missing row,
 * marked {@value #RESTORED_BY}, and adds nothing to the aggregates, which counted the event's live
 * delivery; a live delivery is counted when its put stores the row: when there is none, or only one a
 * replay restored (decision 60).
 *
 * <p>Several writers keep several transactions in flight; each updates its own shard of the
 * aggregate rows ({@link AnalyticsTable#bucketStart}), so that they never conflict on a minute's
 * rows (another instance of the service may: conflicts are retried with jitter).
 */
@Component
class IngestWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);
  static final int MAX_ITEMS = 100;
  /** Below DynamoDB's 4 MB per transaction, leaving room for the attribute names the estimate leaves out. */
  static final int MAX_BYTES = 3_500_000;
  /** The attribute of an event row a replay restored: the replay job's id. No aggregate counts such a row's copy. */
  static final String RESTORED_BY = "restoredBy";

  private final DynamoDbClient dynamoDb;
  // Transactions that conflicted with another instance's: resilience4j.retry.instances.ingest.
  private final Retry retry;
  private final Clock clock;
  private final String eventsTable;
  private final String aggregatesTable;
  private final Timer transactions;
  private final DistributionSummary batchSize;
  private final BlockingQueue<PendingEvent> queue = new LinkedBlockingQueue<>();
  /** Held while a writer gathers its batch, so that batches are taken whole, one writer after another. */
  private final Object gathering = new Object();
  private final List<Thread> writers = new ArrayList<>();

  /** What one event adds to one aggregate row. */
  record Contribution(AggregateRow row, long failures, long duration, String bin, String category) {}

  /** One aggregate row: a series (service#eventType or service#*) in one minute. */
  record AggregateRow(String series, String minute, String service, String eventType) {}

  /**
   * An event waiting for its transaction; {@code stored} completes with true once it is stored,
   * false when it was stored before (a redelivery), or exceptionally when the write failed. The
   * writer adds {@code storedAt} and {@code processingDelayMs} (from {@code timestamp}) to its item.
   * A replay's copy (its item {@value #RESTORED_BY}) contributes to no aggregate row.
   */
  record PendingEvent(
      String eventId, Instant timestamp, Map<String, AttributeValue> item, List<Contribution> contributions, long expiresAt,
      int size, CompletableFuture<Boolean> stored) {

    PendingEvent {
      if (item.containsKey(RESTORED_BY) && !contributions.isEmpty()) {
        throw new IllegalArgumentException("A replay's copy of event " + eventId + " is never counted again");
      }
    }

    /** Whether this is a replay's copy, which restores a missing row and counts nowhere. */
    boolean replay() {
      return item.containsKey(RESTORED_BY);
    }
  }

  /**
   * The condition of an event's put, and so whether it is counted. A live delivery stores its row (and its
   * counts) when there is none or when the row there was only restored by a replay, which it replaces: so the
   * live copy of an event a replay got in first, from a backlog or a redriven DLQ, is still counted once. A
   * replay's copy only fills in a missing row: over any row it would undo a count or count nothing new.
   */
  static String putCondition(PendingEvent event) {
    return event.replay() ? "attribute_not_exists(eventId)" : "attribute_not_exists(eventId) OR attribute_exists(" + RESTORED_BY + ")";
  }

  IngestWriter(
      DynamoDbClient dynamoDb, Clock clock, Topology topology, AnalyticsSettings settings, RetryRegistry retries, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.retry = Declared.retry(retries, "ingest");
    this.clock = clock;
    this.eventsTable = topology.table("analytics-events").name();
    this.aggregatesTable = topology.table("analytics-aggregates").name();
    this.transactions = Timer.builder("bellyfed.analytics.ingest.transactions")
        .description("Transactions storing analytics events, from the first attempt to the commit").register(registry);
    this.batchSize = DistributionSummary.builder("bellyfed.analytics.ingest.batch.size")
        .description("Analytics events stored per transaction").register(registry);
    for (int shard = 0; shard < Math.max(1, settings.ingestWriters()); shard++) {
      int writerShard = shard;
      Thread writer = new Thread(() -> run(writerShard), "analytics-writer-" + shard);
      writer.setDaemon(true);
      writers.add(writer);
    }
    writers.forEach(Thread::start);
  }

  /** Queues an event for the next transaction. */
  void submit(PendingEvent event) {
    if (writers.stream().noneMatch(Thread::isAlive)) {
      event.stored().completeExceptionally(new IllegalStateException("The analytics writers have stopped"));
      return;
    }
    queue.add(event);
  }

  private void run(int shard) {
    while (!Thread.currentThread().isInterrupted()) {
      List<PendingEvent> batch;
      try {
        batch = nextBatch();
      } catch (InterruptedException e) {
        break;
      }
      try {
        long started = System.nanoTime();
        write(batch, shard);
        transactions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSize.record(batch.size());
      } catch (RuntimeException failure) {
        log.warn("Could not store {} analytics events: {}", batch.size(), failure.toString());
        batch.forEach(event -> event.stored().completeExceptionally(failure));
      }
    }
    List<PendingEvent> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(event -> event.stored().completeExceptionally(new IllegalStateException("The analytics writers have stopped")));
  }

  /** The oldest waiting event and as many of the next as one transaction holds. */
  private List<PendingEvent> nextBatch() throws InterruptedException {
    List<PendingEvent> batch = new ArrayList<>();
    Map<AggregateRow, Boolean> rows = new HashMap<>();
    synchronized (gathering) {
      PendingEvent first = queue.take();
      int bytes = add(first, batch, rows);
      PendingEvent next;
      // Only the gathering writer takes from the queue, so what it peeks at is what it polls.
      while ((next = queue.peek()) != null) {
        long newRows = next.contributions().stream().map(Contribution::row).distinct().filter(row -> !rows.containsKey(row)).count();
        if (batch.size() + 1 + rows.size() + newRows > MAX_ITEMS || bytes + next.size() > MAX_BYTES) {
          break;
        }
        bytes += add(queue.poll(), batch, rows);
      }
    }
    return batch;
  }

  private static int add(PendingEvent event, List<PendingEvent> batch, Map<AggregateRow, Boolean> rows) {
    batch.add(event);
    event.contributions().forEach(contribution -> rows.put(contribution.row(), true));
    return event.size();
  }

  /**
   * One copy of each event of a batch, since one transaction may not hold an item twice (a redelivery still
   * waiting beside its first copy); the others complete as not stored once it is written. A live copy is kept
   * over a replay's, so that the event is counted.
   */
  static List<PendingEvent> distinct(List<PendingEvent> batch) {
    Map<String, PendingEvent> distinct = new LinkedHashMap<>();
    List<PendingEvent> others = new ArrayList<>();
    for (PendingEvent event : batch) {
      PendingEvent kept = distinct.putIfAbsent(event.eventId(), event);
      if (kept != null && kept.replay() && !event.replay()) {
        distinct.put(event.eventId(), event);
        others.add(kept);
      } else if (kept != null) {
        others.add(event);
      }
    }
    for (PendingEvent other : others) {
      distinct.get(other.eventId()).stored().whenComplete((stored, failure) -> {
        if (failure != null) {
          other.stored().completeExceptionally(failure);
        } else {
          other.stored().complete(false);
        }
      });
    }
    return new ArrayList<>(distinct.values());
  }

  private void write(List<PendingEvent> batch, int shard) {
    List<List<PendingEvent>> pending = new ArrayList<>(List.of(distinct(batch)));
    Attempts.run(retry, attempt -> {
      for (List<PendingEvent> events = pending.get(0); !events.isEmpty(); events = pending.get(0)) {
        List<TransactWriteItem> items = new ArrayList<>(MAX_ITEMS);
        Instant storedAt = clock.instant();
        events.forEach(event -> items.add(TransactWriteItem.builder().put(put -> put.tableName(eventsTable).item(stored(event, storedAt))
            .conditionExpression(putCondition(event))).build()));
        sums(events).forEach((row, sum) -> items.add(sum.update(aggregatesTable, row, shard)));
        try {
          dynamoDb.transactWriteItems(request -> request.transactItems(items));
          events.forEach(event -> event.stored().complete(true));
          return;
        } catch (TransactionCanceledException cancelled) {
          List<CancellationReason> reasons = cancelled.cancellationReasons();
          List<PendingEvent> fresh = new ArrayList<>(events.size());
          for (int i = 0; i < events.size(); i++) {
            if (i < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(i).code())) {
              events.get(i).stored().complete(false);
            } else {
              fresh.add(events.get(i));
            }
          }
          boolean conflict = reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
          if (fresh.size() == events.size() && !conflict) {
            throw cancelled;
          }
          pending.set(0, fresh);
          if (conflict && !fresh.isEmpty()) {
            // Another instance is updating the same minute's rows: step back for a moment
            // (resilience4j.retry.instances.ingest). Stored duplicates alone are dropped without a wait.
            throw new TryAgain(cancelled);
          }
        }
      }
    });
  }

  private static Map<String, AttributeValue> stored(PendingEvent event, Instant storedAt) {
    Map<String, AttributeValue> item = new HashMap<>(event.item());
    long delay = Math.max(0, storedAt.toEpochMilli() - event.timestamp().toEpochMilli());
    item.put("storedAt", AttributeValue.fromS(storedAt.toString()));
    item.put("processingDelayMs", AttributeValue.fromN(Long.toString(delay)));
    return item;
  }

  /** The summed contributions of the events, per aggregate row, in a stable order. */
  private static Map<AggregateRow, RowSum> sums(List<PendingEvent> events) {
    Map<AggregateRow, RowSum> sums = new LinkedHashMap<>();
    for (PendingEvent event : events) {
      for (Contribution contribution : event.contributions()) {
        sums.computeIfAbsent(contribution.row(), row -> new RowSum()).add(contribution, event.expiresAt());
      }
    }
    return sums;
  }

  @Override
  public void close() {
    writers.forEach(Thread::interrupt);
  }

  /** The counts of one aggregate row's events, as one atomic ADD (no read needed, concurrent writers never lose a count). */
  private static final class RowSum {

    private long count;
    private long failures;
    private long durationSum;
    private long expiresAt;
    private final Map<String, Long> counters = new LinkedHashMap<>();

    void add(Contribution contribution, long eventExpiresAt) {
      count++;
      failures += contribution.failures();
      durationSum += contribution.duration();
      expiresAt = Math.max(expiresAt, eventExpiresAt);
      counters.merge(contribution.bin(), 1L, Long::sum);
      counters.merge(contribution.category(), 1L, Long::sum);
    }

    TransactWriteItem update(String table, AggregateRow row, int shard) {
      Map<String, String> names = new HashMap<>(Map.of(
          "#count", "count", "#failures", "failures", "#sum", "durationSum",
          "#expiresAt", "expiresAt", "#service", "service", "#eventType", "eventType"));
      Map<String, AttributeValue> values = new HashMap<>(Map.of(
          ":count", number(count), ":failures", number(failures), ":sum", number(durationSum),
          ":expiresAt", number(expiresAt), ":service", AttributeValue.fromS(row.service()),
          ":eventType", AttributeValue.fromS(row.eventType())));
      StringBuilder add = new StringBuilder("ADD #count :count, #failures :failures, #sum :sum");
      int i = 0;
      for (Map.Entry<String, Long> counter : counters.entrySet()) {
        names.put("#c" + i, counter.getKey());
        values.put(":c" + i, number(counter.getValue()));
        add.append(", #c").append(i).append(" :c").append(i);
        i++;
      }
      String expression = add + " SET #expiresAt = :expiresAt, #service = :service, #eventType = :eventType";
      return TransactWriteItem.builder().update(update -> update.tableName(table)
          .key(Map.of("series", AttributeValue.fromS(row.series()),
              "bucketStart", AttributeValue.fromS(AnalyticsTable.bucketStart(row.minute(), shard))))
          .updateExpression(expression)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)).build();
    }

    private static AttributeValue number(long value) {
      return AttributeValue.fromN(Long.toString(value));
    }
  }
}
