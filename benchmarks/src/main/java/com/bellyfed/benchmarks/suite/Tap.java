package com.bellyfed.benchmarks.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A private queue behind a rule on a bus, read by a few long-polling receivers that note when each event arrived,
 * keyed by the first string in its body that starts with {@code keyPrefix} (a correlation id the benchmark chose).
 */
final class Tap implements AutoCloseable {

  private static final int RECEIVERS = 4;


  private final EventBridgeClient eventBridge;
  private final SqsClient sqs;
  private final String bus;
  private final String name;
  private final String queueUrl;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final AtomicBoolean receiving = new AtomicBoolean(true);
  private final ExecutorService receivers;

  private Tap(EventBridgeClient eventBridge, SqsClient sqs, String bus, String name, String queueUrl, String keyPrefix, Predicate<String> accept) {
    this.eventBridge = eventBridge;
    this.sqs = sqs;
    this.bus = bus;
    this.name = name;
    this.queueUrl = queueUrl;
    this.receivers = Executors.newFixedThreadPool(RECEIVERS, runnable -> {
      Thread thread = new Thread(runnable, "tap-" + name);
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 0; i < RECEIVERS; i++) {
      receivers.execute(() -> receive(keyPrefix, accept));
    }
  }

  /** A queue and a rule of {@code pattern} on {@code bus}; only bodies that {@code accept} takes are noted. */
  static Tap open(EventBridgeClient eventBridge, SqsClient sqs, String bus, String pattern, String keyPrefix, Predicate<String> accept) {
    String name = "bench-tap-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = sqs.createQueue(r -> r.queueName(name)).queueUrl();
    String arn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    eventBridge.putRule(r -> r.name(name).eventBusName(bus).eventPattern(pattern));
    eventBridge.putTargets(r -> r.rule(name).eventBusName(bus).targets(Target.builder().id("tap").arn(arn).build()));
    return new Tap(eventBridge, sqs, bus, name, queueUrl, keyPrefix, accept);
  }

  private void receive(String keyPrefix, Predicate<String> accept) {
    while (receiving.get()) {
      try {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        long now = System.nanoTime();
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (Message message : messages) {
          String body = message.body();
          int at = body.indexOf(keyPrefix);
          if (at >= 0 && accept.test(body)) {
            arrivals.putIfAbsent(body.substring(at, body.indexOf('"', at)), now);
          }
          deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size())).receiptHandle(message.receiptHandle()).build());
        }
        if (!deletes.isEmpty()) {
          sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
        }
      } catch (RuntimeException e) {
        if (receiving.get()) {
          System.out.println("tap " + name + ": " + e);
        }
      }
    }
  }

  /** When each key arrived ({@link System#nanoTime()}). */
  Map<String, Long> arrivals() {
    return arrivals;
  }

  /** How many keys starting with {@code prefix} arrived. */
  long arrived(String prefix) {
    return arrivals.keySet().stream().filter(key -> key.startsWith(prefix)).count();
  }

  /**
   * Waits until {@code count} keys of {@code prefix} arrived, or none did for {@code patience}, or {@code timeout} passed;
   * returns how many did. Keys of other runs arriving late do not count (their backlog can outlast a run).
   */
  long await(String prefix, long count, Duration patience, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    long lastChange = System.nanoTime();
    long arrived;
    while ((arrived = arrived(prefix)) < count && System.nanoTime() < deadline) {
      if (arrived != last) {
        last = arrived;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > patience.toNanos()) {
        // Nothing new for this long: what is missing is counted as not delivered.
        break;
      }
      // Waiting on another process's queue: nothing to await on but its count.
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return arrived;
  }

  @Override
  public void close() throws InterruptedException {
    receiving.set(false);
    receivers.shutdown();
    receivers.awaitTermination(10, TimeUnit.SECONDS);
    try {
      eventBridge.removeTargets(r -> r.rule(name).eventBusName(bus).ids("tap"));
      eventBridge.deleteRule(r -> r.name(name).eventBusName(bus));
      sqs.deleteQueue(r -> r.queueUrl(queueUrl));
    } catch (RuntimeException e) {
      System.out.println("tap " + name + " not removed: " + e);
    }
  }
}
