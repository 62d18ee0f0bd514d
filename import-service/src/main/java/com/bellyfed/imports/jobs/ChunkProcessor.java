package com.bellyfed.imports.jobs;

import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.events.outbox.OutboxRelay;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.imports.records.ImportRecord;
import com.bellyfed.imports.records.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes one chunk and counts it. The counts and the chunk's id go into the processed-events
 * table in one transaction, so a redelivered chunk is counted once whatever happens in between;
 * its items are plain puts, so writing them twice leaves the same table. On the queue's last
 * receive a chunk that still fails is counted as failed (under a marker of its own, so that a
 * redrive from the DLQ can still write it) before SQS moves it to the DLQ. Reviews are the
 * exception to plain puts: see {@link ItemWriter#writeOnce} and {@link ImportedRatings}.
 */
@Component
public class ChunkProcessor {

  /** The consumer name of chunk deliveries in the processed-events table. */
  public static final String CONSUMER = "import-chunks";
  static final String FAILURES = "import-chunk-failures";
  private static final int MAX_TRANSACTION_ITEMS = 100;

  private static final Logger log = LoggerFactory.getLogger(ChunkProcessor.class);

  private final DynamoDbClient dynamoDb;
  private final ImportJobs jobs;
  private final ItemWriter writer;
  private final IdempotencyGuard guard;
  private final JobEvents events;
  private final int maxReceives;
  private final EventFactory eventFactory;
  private final OutboxStore outbox;
  private final OutboxRelay relay;
  private final EnvelopeJson envelopeJson;

  ChunkProcessor(
      DynamoDbClient dynamoDb, ImportJobs jobs, ItemWriter writer, IdempotencyGuard guard, JobEvents events, Topology topology,
      EventFactory eventFactory, OutboxStore outbox, OutboxRelay relay, EnvelopeJson envelopeJson) {
    this.dynamoDb = dynamoDb;
    this.envelopeJson = envelopeJson;
    this.eventFactory = eventFactory;
    this.outbox = outbox;
    this.relay = relay;
    this.jobs = jobs;
    this.writer = writer;
    this.guard = guard;
    this.events = events;
    var redrive = topology.queue("import").redrive();
    this.maxReceives = redrive != null ? redrive.maxReceiveCount() : 3;
  }

  /**
   * Handles one delivery of a chunk.
   *
   * @param receiveCount SQS's receive count of this delivery; at the queue's maximum a failure counts the chunk's records
   *     as failed (a copy delivered later and written moves them to written)
   */
  public void on(EventEnvelope envelope, int receiveCount) {
    Chunk chunk = Chunk.of(envelope)
        .orElseThrow(() -> new IllegalArgumentException("Message " + envelope.eventId() + " is not an import chunk"));
    Optional<ImportJob> job = jobs.find(chunk.jobId());
    if (job.isEmpty()) {
      log.warn("Chunk {} belongs to no known job; dropped", chunk.chunkId());
      return;
    }
    int records = chunk.records().size();
    if (job.get().state() == JobState.CANCELLED || job.get().state() == JobState.FAILED && job.get().failureReason() != null) {
      settle(chunk, 0, 0, records, "skipped");
      return;
    }
    List<Map<String, AttributeValue>> items = chunk.typedRecords(envelopeJson).stream().map(ImportRecord::toItem).toList();
    List<EventEnvelope> ratings = List.of();
    long written = records;
    try {
      if (chunk.type() == RecordType.REVIEWS) {
        // Reviews feed the restaurants' rating aggregates, so each must count once: written only if
        // new (or written by this very chunk before), and their totals go out with the chunk's counts.
        List<Map<String, AttributeValue>> reviews = writer.writeOnce(chunk.type().table(), distinctKeys(items), "reviewId", chunk.chunkId());
        written = reviews.size();
        ratings = ImportedRatings.of(chunk.jobId(), chunk.chunkId(), reviews).stream()
            .map(data -> eventFactory.create(ImportedRatings.EVENT_TYPE, data))
            .toList();
      } else {
        writer.write(chunk.type().table(), items);
      }
    } catch (RuntimeException failure) {
      if (receiveCount >= maxReceives) {
        log.warn("Chunk {} failed on its last receive ({}); its {} records count as failed", chunk.chunkId(), failure.toString(), records);
        settleFailed(chunk, records);
      }
      throw failure;
    }
    // Asked on every delivery, not only on a later receive: a copy of a chunk starts at receive 1 again, whether an
    // operator redrove it from the DLQ or the consumer requeued it because it failed as the half-open probe of a
    // DynamoDB outage on its last receive, after it was counted as failed here.
    if (guard.seen(FAILURES, chunk.chunkId())) {
      recovered(chunk, written, records - written, ratings);
    } else {
      settle(chunk, written, 0, records - written, "written", ratings);
    }
  }

  /** The items with distinct reviewIds of a restaurant, first one kept: a later copy in the same chunk would pass the write-once condition. */
  private static List<Map<String, AttributeValue>> distinctKeys(List<Map<String, AttributeValue>> items) {
    Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item : items) {
      byKey.putIfAbsent(item.get("restaurantId").s() + "/" + item.get("reviewId").s(), item);
    }
    return List.copyOf(byKey.values());
  }

  private void settle(Chunk chunk, long written, long failed, long skipped, String outcome) {
    settle(chunk, written, failed, skipped, outcome, List.of());
  }

  private void settle(Chunk chunk, long written, long failed, long skipped, String outcome, List<EventEnvelope> ratings) {
    if (commit(chunk, with(jobs.chunkSettled(chunk.jobId(), written, failed, skipped), ratings, guard.transactItem(CONSUMER, chunk.chunkId())))) {
      relay.relayCommitted(ratings);
      events.chunk(outcome, chunk.records().size());
      afterChunk(chunk.jobId());
    }
  }

  /** The job's update, the outbox rows of the rating events, and the guard's item last (see {@link #commit}). */
  private List<TransactWriteItem> with(TransactWriteItem counts, List<EventEnvelope> ratings, TransactWriteItem guardItem) {
    if (ratings.size() > MAX_TRANSACTION_ITEMS - 2) {
      throw new IllegalStateException("Chunk carries reviews of too many restaurants for one transaction: " + ratings.size() + " events");
    }
    List<TransactWriteItem> items = new ArrayList<>(ratings.size() + 2);
    items.add(counts);
    ratings.forEach(event -> items.add(outbox.transactItem(event)));
    items.add(guardItem);
    return items;
  }

  private void settleFailed(Chunk chunk, long records) {
    try {
      if (commit(chunk, List.of(jobs.chunkSettled(chunk.jobId(), 0, records, 0), guard.transactItem(FAILURES, chunk.chunkId())))) {
        events.chunk("failed", (int) records);
        afterChunk(chunk.jobId());
      }
    } catch (RuntimeException e) {
      log.error("Could not count failed chunk {}; the job will not settle until it is redriven", chunk.chunkId(), e);
    }
  }

  /** A chunk counted as failed was written on a redrive from the DLQ. */
  private void recovered(Chunk chunk, long written, long existing, List<EventEnvelope> ratings) {
    if (commit(chunk, with(jobs.chunkRecovered(chunk.jobId(), written, existing), ratings, guard.transactItem(CONSUMER, chunk.chunkId())))) {
      relay.relayCommitted(ratings);
      events.chunk("recovered", chunk.records().size());
    }
  }

  /** Runs the transaction whose last item is the guard's; false when the chunk was counted before. */
  private boolean commit(Chunk chunk, List<TransactWriteItem> items) {
    try {
      dynamoDb.transactWriteItems(request -> request.transactItems(items));
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (IdempotencyGuard.isDuplicate(cancelled, items.size() - 1)) {
        log.info("Chunk {} was counted before; not counted again", chunk.chunkId());
        return false;
      }
      throw cancelled;
    }
  }

  private void afterChunk(String jobId) {
    jobs.find(jobId).ifPresent(job -> {
      Optional<ImportJob> finished = jobs.settle(job);
      if (finished.isPresent()) {
        events.finished(finished.get());
      } else {
        events.progressed(job);
      }
    });
  }
}
