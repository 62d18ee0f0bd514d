package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.benchmarks.localaws.LatencySummary;
import com.bellyfed.benchmarks.localaws.LoadTools;
import com.bellyfed.benchmarks.localaws.PacedSender;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.publishing.EventBridgePublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Publish-to-consume latency at a fixed rate: a scheduler paces {@code publish()} calls, each
 * payload carrying the {@link System#nanoTime()} of its call; receivers long-poll the tap queue and
 * pass every message through {@link ReliableConsumer#handle} with the idempotency guard on the
 * processed-events table; the handler records its own time minus the publish time.
 *
 * @param rate the publish calls per second asked for
 * @param sending the paced calls and how late they started against the schedule
 * @param handled events whose handler ran
 * @param duplicates messages the guard recognised as handled already
 * @param otherOutcomes messages dead-lettered or left for a retry
 * @param receiverErrors receive, handle or delete calls that threw
 * @param latency handler time − publish time
 * @param lastHandled from the first tick until the last handler ran
 * @param drained whether every published event was handled before the wait ran out
 * @param meters the publisher's meters of this rate
 * @param maxUndelivered the most events at once accepted by PutEvents but not yet delivered to the tap queue
 * @param maxQueued the most messages at once waiting in the tap queue for a receiver
 */
public record ConsumeLatency(
    int rate,
    PacedSender.Result sending,
    long handled,
    long duplicates,
    long otherOutcomes,
    long receiverErrors,
    LatencySummary latency,
    Duration lastHandled,
    boolean drained,
    PublisherMeters meters,
    long maxUndelivered,
    long maxQueued) {

  /** How long calls queued behind a slow publisher may still start after the last tick. */
  public static final Duration SEND_GRACE = Duration.ofSeconds(3);

  public static ConsumeLatency run(RuntimeParts parts, BenchClients clients, int rate, RuntimeOptions options) throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // A consumer name of its own, so that the guard has seen none of these events before.
    String consumerName = "bench-latency-" + rate + "-" + UUID.randomUUID().toString().substring(0, 8);
    Recorder latency = LoadTools.recorder();
    AtomicLong handled = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong other = new AtomicLong();
    AtomicLong lastHandled = new AtomicLong();
    Duration limit = options.measure().plus(SEND_GRACE).plus(options.drain()).plusSeconds(15);
    try (EventBridgePublisher publisher = parts.publisher(options.publisherSenders(), registry);
        ReliableConsumer consumer = parts.consumer(registry);
        Tap tap = Tap.on(parts.localAws(), parts.bus(), "latency-" + rate)) {
      TapReceivers receivers =
          new TapReceivers(clients.directSqs(), tap.queueUrl(), options.receivers(), limit, "latency-receiver", message -> {
            ReliableConsumer.Outcome outcome = consumer.handle(consumerName, TapReceivers.inbound(tap.queueUrl(), message), event -> {
              long now = System.nanoTime();
              latency.recordValue(LoadTools.micros(now - event.data().path(ReviewEvents.SENT_NANOS).asLong()));
              handled.incrementAndGet();
              lastHandled.accumulateAndGet(now, Math::max);
            });
            switch (outcome) {
              case HANDLED -> { }
              case DUPLICATE -> duplicates.incrementAndGet();
              default -> other.incrementAndGet();
            }
            return outcome != ReliableConsumer.Outcome.RETRY_LATER;
          }).start();
      BacklogSampler sampler =
          new BacklogSampler(clients.directSqs(), tap.queueUrl(), () -> PublisherMeters.count(registry, "bellyfed.events.published"),
              receivers::received, limit).start();
      long start = System.nanoTime();
      PacedSender.Result sending;
      boolean drained;
      TapReceivers.Result receiving;
      BacklogSampler.Backlog backlog;
      try {
        try {
          sending = LoadTools.paced(rate, options.measure(), options.senders(), SEND_GRACE, (seq, sentNanos) ->
              Correlation.with(tap.correlationId(), null, () -> publisher.publish(RuntimeParts.EVENT_TYPE, ReviewEvents.timed(seq, sentNanos))));
        } finally {
          // Sends what is still buffered, so that everything published is on its way or spilled; closing again at the end does nothing.
          publisher.close();
        }
        long published = PublisherMeters.count(registry, "bellyfed.events.published");
        drained = receivers.awaitUntil(() -> handled.get() >= published, options.drain()) && published == sending.sent();
      } finally {
        receiving = receivers.stop();
        backlog = sampler.stop();
      }
      return new ConsumeLatency(
          rate, sending, handled.get(), duplicates.get(), other.get(), receiving.errors(), LoadTools.summary(latency.getIntervalHistogram()),
          Duration.ofNanos(Math.max(0, lastHandled.get() - start)), drained, PublisherMeters.of(registry), backlog.maxUndelivered(),
          backlog.maxQueued());
    }
  }

  /** Publish calls per second that returned, over the paced phase. */
  public double publishedPerSecond() {
    return sending.perSecond();
  }

  /** Events handled per second, from the first tick until the last handler ran. */
  public double handledPerSecond() {
    return handled / (Math.max(1, lastHandled.toNanos()) / 1e9);
  }

  /**
   * Whether the rate was held end to end: every scheduled call made, at 99 % of the rate or better,
   * and every published event handled, at 95 % of the rate or better (the last events wait for a
   * long poll to return and for the tail of the publisher's batches).
   */
  public boolean rateHeld() {
    return sending.sent() == sending.scheduled() && publishedPerSecond() >= 0.99 * rate && drained && handled == sending.sent()
        && handledPerSecond() >= 0.95 * rate;
  }
}
