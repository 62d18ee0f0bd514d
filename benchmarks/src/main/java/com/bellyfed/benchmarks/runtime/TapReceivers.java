package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.LoadTools;
import com.bellyfed.events.consuming.InboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Threads that long-poll one queue as a consumer does: up to 10 messages per receive, each passed to
 * a handler in turn, then the handled ones deleted with one DeleteMessageBatch. They count how busy
 * each thread was, so that a phase can tell the cost per message apart from waiting for messages.
 */
final class TapReceivers {

  private static final int WAIT_SECONDS = 1;
  private static final int BATCH = 10;
  private static final long POLL_MILLIS = 5;

  /** One message; returns whether it is done with and may be deleted. */
  @FunctionalInterface
  interface Handler {
    boolean handle(Message message) throws Exception;
  }

  /**
   * What the receivers did.
   *
   * @param received messages received, redeliveries included
   * @param errors receive or delete calls, or handlers, that threw
   * @param busyNanos per receiver: the time of its receives that returned messages, handling and deleting included
   * @param messages per receiver: the messages those receives returned
   * @param firstStartNanos when the first receive that returned messages started; 0 when none did
   * @param lastDoneNanos when the last batch was deleted
   */
  record Result(
      long received, long errors, List<Long> busyNanos, List<Long> messages, long firstStartNanos, long lastDoneNanos, @Nullable String firstError) {

    Result {
      busyNanos = List.copyOf(busyNanos);
      messages = List.copyOf(messages);
    }

    /** The receivers' busy time per message, averaged over the receivers that got any. */
    double busyMicrosPerMessage() {
      double sum = 0;
      int counted = 0;
      for (int i = 0; i < messages.size(); i++) {
        if (messages.get(i) > 0) {
          sum += busyNanos.get(i) / 1_000.0 / messages.get(i);
          counted++;
        }
      }
      return counted == 0 ? Double.NaN : sum / counted;
    }

    /** From the start of the first fruitful receive to the last delete. */
    Duration span() {
      return Duration.ofNanos(Math.max(0, lastDoneNanos - firstStartNanos));
    }
  }

  private final SqsClient sqs;
  private final String queueUrl;
  private final Handler handler;
  private final long hardDeadline;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLongArray busy;
  private final AtomicLongArray messages;
  private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastDone = new AtomicLong();
  private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();
  private volatile boolean stopped;

  /** @param limit how long the receivers may run at most, whatever happens */
  TapReceivers(SqsClient sqs, String queueUrl, int count, Duration limit, String name, Handler handler) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.handler = handler;
    this.hardDeadline = System.nanoTime() + limit.toNanos();
    this.busy = new AtomicLongArray(count);
    this.messages = new AtomicLongArray(count);
    ThreadFactory factory = LoadTools.daemonThreads(name);
    for (int i = 0; i < count; i++) {
      int receiver = i;
      threads.add(factory.newThread(() -> receive(receiver)));
    }
  }

  TapReceivers start() {
    threads.forEach(Thread::start);
    return this;
  }

  /** The message as a listener hands it to the ReliableConsumer. */
  static InboundMessage inbound(String queueUrl, Message message) {
    String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return new InboundMessage(queueUrl, message.messageId(), message.receiptHandle(), message.body(), count == null ? 1 : Integer.parseInt(count));
  }

  /** Messages received so far, redeliveries included. */
  long received() {
    return received.get();
  }

  /** Waits until {@code condition} holds, or at most {@code timeout}; returns whether it held. */
  boolean awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        return condition.getAsBoolean();
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }

  /** Stops receiving; a long poll under way ends within its wait time. */
  Result stop() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join((WAIT_SECONDS + 5) * 1000L);
    }
    List<Long> busyNanos = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i < threads.size(); i++) {
      busyNanos.add(busy.get(i));
      counts.add(messages.get(i));
    }
    long first = firstStart.get();
    return new Result(received.get(), errors.get(), busyNanos, counts, first == Long.MAX_VALUE ? 0 : first, lastDone.get(), firstError.get());
  }

  private void receive(int receiver) {
    while (!stopped && System.nanoTime() < hardDeadline) {
      long began = System.nanoTime();
      try {
        ReceiveMessageResponse response =
            sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(BATCH).waitTimeSeconds(WAIT_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        if (!response.hasMessages() || response.messages().isEmpty()) {
          continue;
        }
        List<Message> batch = response.messages();
        received.addAndGet(batch.size());
        firstStart.accumulateAndGet(began, Math::min);
        List<Message> done = new ArrayList<>(batch.size());
        for (Message message : batch) {
          if (handle(message)) {
            done.add(message);
          }
        }
        delete(done);
        long finished = System.nanoTime();
        lastDone.accumulateAndGet(finished, Math::max);
        busy.addAndGet(receiver, finished - began);
        messages.addAndGet(receiver, batch.size());
      } catch (RuntimeException e) {
        failed(e);
        pause();
      }
    }
  }

  private boolean handle(Message message) {
    try {
      return handler.handle(message);
    } catch (Exception e) {
      failed(e);
      return false;
    }
  }

  private void failed(Exception e) {
    errors.incrementAndGet();
    firstError.compareAndSet(null, e.toString());
  }

  // Keeps a failing receiver from spinning on the two cores the emulators need.
  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void delete(List<Message> done) {
    if (done.isEmpty()) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(done.size());
    for (int i = 0; i < done.size(); i++) {
      entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(done.get(i).receiptHandle()).build());
    }
    sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
  }
}
