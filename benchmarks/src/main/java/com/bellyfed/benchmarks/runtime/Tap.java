package com.bellyfed.benchmarks.runtime;

import com.bellyfed.localaws.LocalAws;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A private queue and a rule on a bus that catch the events of one correlation id, as the runtime's
 * EventTap test fixture does: a phase sees exactly its own events although it publishes on a bus of
 * the provisioned topology, whose own rules (rating, archive) route every event as well.
 */
record Tap(LocalAws localAws, String bus, String rule, String queueUrl, String correlationId) implements AutoCloseable {

  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
  private static final Duration STILL_FOR = Duration.ofMillis(300);

  static Tap on(LocalAws localAws, String bus, String purpose) {
    String correlationId = "bench-" + purpose + "-" + UUID.randomUUID();
    String name = "tap-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    String arn =
        localAws.sqs().getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes().get(QueueAttributeName.QUEUE_ARN);
    localAws.eventBridge().putRule(request -> request.name(name).eventBusName(bus)
        .eventPattern("{\"detail\":{\"correlationId\":[\"" + correlationId + "\"]}}"));
    localAws.eventBridge().putTargets(request -> request.rule(name).eventBusName(bus).targets(Target.builder().id("tap").arn(arn).build()));
    return new Tap(localAws, bus, name, queueUrl, correlationId);
  }

  /**
   * Removes the rule, then the queue once the emulator's delivery counters stand still. While
   * deliveries are still under way, deleting the queue would turn each of them into a failure that
   * the emulator retries for a long time, so then the queue is only emptied and goes with local-aws.
   */
  @Override
  public void close() {
    localAws.eventBridge().removeTargets(request -> request.rule(rule).eventBusName(bus).ids("tap"));
    localAws.eventBridge().deleteRule(request -> request.name(rule).eventBusName(bus));
    if (awaitDeliveriesSettled(localAws, SETTLE_LIMIT)) {
      localAws.sqs().deleteQueue(request -> request.queueUrl(queueUrl));
    } else {
      localAws.sqs().purgeQueue(request -> request.queueUrl(queueUrl));
    }
  }

  /** Waits until the emulator's counters have not moved for a moment, at most {@code limit}; returns whether they stood still. */
  static boolean awaitDeliveriesSettled(LocalAws localAws, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = deliveryCounters(localAws);
    long stillSince = System.nanoTime();
    while (System.nanoTime() - stillSince < STILL_FOR.toNanos()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      long now = deliveryCounters(localAws);
      if (now != last) {
        last = now;
        stillSince = System.nanoTime();
      }
    }
    return true;
  }

  private static long deliveryCounters(LocalAws localAws) {
    Map<String, Long> stats = localAws.eventBridgeStats();
    return Stream.of("entriesAccepted", "delivered", "retried", "deadLettered", "dropped").mapToLong(name -> stats.getOrDefault(name, 0L)).sum();
  }
}
