package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Threads that long-poll one queue, record how long ago each message was sent, and delete what they
 * received in one batch per receive, as a consumer of the platform does.
 */
public final class QueueReceivers {

  private static final int WAIT_SECONDS = 1;
  private static final int BATCH = 10;

  /**
   * What the receivers saw.
   *
   * @param received messages received (and deleted)
   * @param untimed messages without a send time in them
   * @param errors receive or delete calls that threw
   */
  public record Result(long received, long untimed, long errors, LatencySummary latency) {}

  private final SqsClient sqs;
  private final String queueUrl;
  private final long hardDeadline;
  private final Recorder latency = new Recorder(LatencySummary.HIGHEST_MICROS, 3);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong untimed = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  /** @param limit how long the receivers may run at most, whatever happens */
  QueueReceivers(SqsClient sqs, String queueUrl, int count, Duration limit) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.hardDeadline = System.nanoTime() + limit.toNanos();
    var factory = DaemonThreads.named("receiver");
    for (int i = 0; i < count; i++) {
      threads.add(factory.newThread(this::receive));
    }
  }

  QueueReceivers start() {
    threads.forEach(Thread::start);
    return this;
  }

  /** Waits until {@code total} messages have arrived, or at most {@code timeout}; then stops the receivers. */
  Result awaitAndStop(long total, Duration timeout) throws InterruptedException {
    expected.set(total);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return stop();
  }

  /** Stops receiving; a long poll under way ends within its wait time. */
  Result stop() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join((WAIT_SECONDS + 5) * 1000L);
    }
    return new Result(received.get(), untimed.get(), errors.get(), LatencySummary.of(latency.getIntervalHistogram()));
  }

  private void receive() {
    while (!stopped && received.get() < expected.get() && System.nanoTime() < hardDeadline) {
      try {
        ReceiveMessageResponse response =
            sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(BATCH).waitTimeSeconds(WAIT_SECONDS));
        long now = System.nanoTime();
        if (!response.hasMessages() || response.messages().isEmpty()) {
          continue;
        }
        for (Message message : response.messages()) {
          OptionalLong sent = Payloads.sentNanos(message.body());
          if (sent.isPresent()) {
            latency.recordValue(LatencySummary.micros(now - sent.getAsLong()));
          } else {
            untimed.incrementAndGet();
          }
        }
        received.addAndGet(response.messages().size());
        delete(response.messages());
      } catch (RuntimeException e) {
        errors.incrementAndGet();
        pause();
      }
    }
  }

  // Keeps a failing receiver from spinning on the two cores the emulators need.
  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void delete(List<Message> messages) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(messages.get(i).receiptHandle()).build());
    }
    sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
  }
}
