package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.LoadTools;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Samples where events wait while a phase runs: accepted by PutEvents but not yet delivered to the
 * tap queue (the emulator's backlog), or in the tap queue waiting for a receiver (the consumer's).
 * When a rate is not held, this tells which side fell behind.
 */
final class BacklogSampler {

  private static final long PERIOD_MILLIS = 200;

  /**
   * The largest backlogs seen.
   *
   * @param maxUndelivered events accepted by PutEvents and neither received nor waiting in the tap queue
   * @param maxQueued messages waiting in the tap queue (ApproximateNumberOfMessages)
   * @param samples how many times both were sampled
   */
  record Backlog(long maxUndelivered, long maxQueued, long samples) {}

  private final SqsClient sqs;
  private final String queueUrl;
  private final LongSupplier accepted;
  private final LongSupplier received;
  private final long hardDeadline;
  private final AtomicLong maxUndelivered = new AtomicLong();
  private final AtomicLong maxQueued = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  /** @param limit how long sampling may run at most, whatever happens */
  BacklogSampler(SqsClient sqs, String queueUrl, LongSupplier accepted, LongSupplier received, Duration limit) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.accepted = accepted;
    this.received = received;
    this.hardDeadline = System.nanoTime() + limit.toNanos();
    this.thread = LoadTools.daemonThreads("backlog-sampler").newThread(this::sample);
  }

  BacklogSampler start() {
    thread.start();
    return this;
  }

  Backlog stop() throws InterruptedException {
    stopped = true;
    thread.join(5_000);
    return new Backlog(maxUndelivered.get(), maxQueued.get(), samples.get());
  }

  private void sample() {
    while (!stopped && System.nanoTime() < hardDeadline) {
      try {
        long receivedSoFar = received.getAsLong();
        long acceptedSoFar = accepted.getAsLong();
        String visible = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        long queued = visible == null ? 0 : Long.parseLong(visible);
        maxQueued.accumulateAndGet(queued, Math::max);
        maxUndelivered.accumulateAndGet(Math.max(0, acceptedSoFar - receivedSoFar - queued), Math::max);
        samples.incrementAndGet();
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A failed sample is only a missing data point; the phase's own figures do not depend on it.
      }
    }
  }
}
