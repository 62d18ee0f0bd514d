package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.benchmarks.localaws.LoadTools;
import com.bellyfed.benchmarks.localaws.PacedSender;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventBridgePublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Traffic on every path measured later before anything is measured, so that the JIT has compiled
 * them: paced events alternately through a publisher and through single-entry PutEvents calls, onto
 * a tap whose receivers pass every other message through the ReliableConsumer with the guard and
 * only read the envelope of the others.
 *
 * <p>The consumer need not keep up: what it has not handled when the emulator has delivered
 * everything goes with the tap queue. The emulator must finish, though, so that no delivery backlog
 * reaches the measurements.
 *
 * @param sending the paced calls
 * @param accepted events PutEvents accepted, from the publisher and the single-entry calls
 * @param handled messages handled, either way
 * @param receiverErrors receive, handle or delete calls that threw
 * @param settled whether the emulator had delivered everything within the drain time
 */
public record RuntimeWarmup(
    PacedSender.Result sending, long accepted, long handled, long receiverErrors, boolean settled, @Nullable String firstError) {

  /** Enough calls for the JIT in 15 s, and few enough for the emulator to deliver them (three times each) about as they come. */
  public static final int RATE = 100;

  public static RuntimeWarmup run(RuntimeParts parts, BenchClients clients, RuntimeOptions options) throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String consumerName = "bench-warmup-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicLong handled = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    Duration limit = options.warmup().plus(ConsumeLatency.SEND_GRACE).plus(options.drain()).plusSeconds(15);
    try (EventBridgePublisher publisher = parts.publisher(options.publisherSenders(), registry);
        ReliableConsumer consumer = parts.consumer(registry);
        Tap tap = Tap.on(parts.localAws(), parts.bus(), "warmup")) {
      TapReceivers receivers =
          new TapReceivers(clients.directSqs(), tap.queueUrl(), options.receivers(), limit, "warmup-receiver", message -> {
            if (handled.getAndIncrement() % 2 == 0) {
              return consumer.handle(consumerName, TapReceivers.inbound(tap.queueUrl(), message), event -> { }) != ReliableConsumer.Outcome.RETRY_LATER;
            }
            ReviewEvents.unwrap(parts.json(), message.body());
            return true;
          }).start();
      PacedSender.Result sending;
      long expected;
      boolean settled;
      TapReceivers.Result receiving;
      try {
        try {
          // As many sender threads as the throughput phase's: half the calls are synchronous PutEvents.
          sending = LoadTools.paced(RATE, options.warmup(), options.threads(), ConsumeLatency.SEND_GRACE, (seq, sentNanos) -> {
            if (seq % 2 == 0) {
              Correlation.with(tap.correlationId(), null, () -> publisher.publish(RuntimeParts.EVENT_TYPE, ReviewEvents.timed(seq, sentNanos)));
              return;
            }
            EventEnvelope envelope = parts.envelope(tap.correlationId(), ReviewEvents.payload(seq));
            PutEventsRequestEntry entry = parts.sender().prepare(envelope).entry();
            Integer failed = parts.localAws().eventBridge().putEvents(request -> request.entries(entry)).failedEntryCount();
            if (failed != null && failed > 0) {
              throw new IllegalStateException("PutEvents refused the entry");
            }
            accepted.incrementAndGet();
          });
        } finally {
          // Sends what is still buffered, so that everything published is on its way or spilled; closing again at the end does nothing.
          publisher.close();
        }
        expected = accepted.get() + PublisherMeters.count(registry, "bellyfed.events.published");
        settled = Tap.awaitDeliveriesSettled(parts.localAws(), options.drain());
      } finally {
        receiving = receivers.stop();
      }
      String firstError = sending.firstError() != null ? sending.firstError() : receiving.firstError();
      return new RuntimeWarmup(sending, expected, handled.get(), receiving.errors(), settled, firstError);
    }
  }
}
