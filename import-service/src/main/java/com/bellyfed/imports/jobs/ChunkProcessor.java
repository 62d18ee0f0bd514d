package com.bellyfed.imports.jobs;

import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.records.ImportRecord;
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
 * redrive from the DLQ can still write it) before SQS moves it to the DLQ.
 */
@Component
public class ChunkProcessor {

  /** The consumer name of chunk deliveries in the processed-events table. */
  public static final String CONSUMER = "import-chunks";
  static final String FAILURES = "import-chunk-failures";

  private static final Logger log = LoggerFactory.getLogger(ChunkProcessor.class);

  private final DynamoDbClient dynamoDb;
  private final ImportJobs jobs;
  private final ItemWriter writer;
  private final IdempotencyGuard guard;
  private final JobEvents events;
  private final int maxReceives;

  ChunkProcessor(DynamoDbClient dynamoDb, ImportJobs jobs, ItemWriter writer, IdempotencyGuard guard, JobEvents events, Topology topology) {
    this.dynamoDb = dynamoDb;
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
   * @param receiveCount SQS's receive count of this delivery; at the queue's maximum a failure is final
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
    List<Map<String, AttributeValue>> items = chunk.typedRecords().stream().map(ImportRecord::toItem).toList();
    try {
      writer.write(chunk.type().table(), items);
    } catch (RuntimeException failure) {
      if (receiveCount >= maxReceives) {
        log.warn("Chunk {} failed on its last receive ({}); its {} records count as failed", chunk.chunkId(), failure.toString(), records);
        settleFailed(chunk, records);
      }
      throw failure;
    }
    if (receiveCount > 1 && guard.seen(FAILURES, chunk.chunkId())) {
      recovered(chunk, records);
    } else {
      settle(chunk, records, 0, 0, "written");
    }
  }

  private void settle(Chunk chunk, long written, long failed, long skipped, String outcome) {
    if (commit(chunk, List.of(jobs.chunkSettled(chunk.jobId(), written, failed, skipped), guard.transactItem(CONSUMER, chunk.chunkId())))) {
      events.chunk(outcome, chunk.records().size());
      afterChunk(chunk.jobId());
    }
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
  private void recovered(Chunk chunk, long records) {
    if (commit(chunk, List.of(jobs.chunkRecovered(chunk.jobId(), records), guard.transactItem(CONSUMER, chunk.chunkId())))) {
      events.chunk("recovered", (int) records);
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
