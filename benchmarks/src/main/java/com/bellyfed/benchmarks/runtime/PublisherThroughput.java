package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventBridgePublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * The same events from the same threads, once through the EventBridgePublisher (batching) and once
 * through a naive loop of one PutEvents call per event, each timed from the first publish until its
 * last event arrived on its tap queue. The variants alternate in halves (publisher, naive,
 * publisher, naive) so that neither profits from a JIT still improving or a quieter neighbour.
 *
 * @param publisher the publisher's two halves
 * @param naive the naive loop's two halves
 * @param meters the publisher's meters over both halves
 */
public record PublisherThroughput(Variant publisher, Variant naive, PublisherMeters meters) {

  /** How many events of a half should arrive, known once its calls have returned. */
  @FunctionalInterface
  private interface Expected {
    long afterSending() throws InterruptedException;
  }

  /** The longest wait for the emulator to finish the previous half's deliveries. */
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);

  /**
   * The longest wait for a half's events after its calls returned. The time until the last arrival
   * is the figure, so the wait is generous: the naive loop's events are delivered one SendMessage
   * at a time and arrive well after its calls returned.
   */
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(60);

  /** The longest the threads may take to hand over one half's events. */
  private static final Duration SEND_LIMIT = Duration.ofSeconds(60);

  /**
   * One half.
   *
   * @param events events the threads were to publish
   * @param calls publish or PutEvents calls that returned
   * @param expected events that should arrive: accepted by PutEvents (naive), published by the publisher
   * @param arrived distinct events that arrived on the tap
   * @param duplicates arrivals of an event that had arrived already
   * @param errors calls that threw or entries PutEvents refused, and receiver errors
   * @param handedOver from the first publish until the last call returned
   * @param elapsed from the first publish until the last event arrived (or the wait ended)
   */
  public record Round(
      int events, long calls, long expected, long arrived, long duplicates, long errors, Duration handedOver, Duration elapsed,
      @Nullable String firstError) {

    public boolean complete() {
      return arrived == events && expected == events;
    }
  }

  /** Both halves of a variant, as if they had run back to back. */
  public record Variant(List<Round> rounds) {

    public Variant {
      rounds = List.copyOf(rounds);
    }

    public long events() {
      return rounds.stream().mapToLong(Round::events).sum();
    }

    public long arrived() {
      return rounds.stream().mapToLong(Round::arrived).sum();
    }

    public long duplicates() {
      return rounds.stream().mapToLong(Round::duplicates).sum();
    }

    public long errors() {
      return rounds.stream().mapToLong(Round::errors).sum();
    }

    public long calls() {
      return rounds.stream().mapToLong(Round::calls).sum();
    }

    public boolean complete() {
      return rounds.stream().allMatch(Round::complete);
    }

    public Duration elapsed() {
      return rounds.stream().map(Round::elapsed).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration handedOver() {
      return rounds.stream().map(Round::handedOver).reduce(Duration.ZERO, Duration::plus);
    }

    /** Events that arrived per second of first publish → last arrival. */
    public double eventsPerSecond() {
      return arrived() / (Math.max(1, elapsed().toNanos()) / 1e9);
    }

    public @Nullable String firstError() {
      return rounds.stream().map(Round::firstError).filter(error -> error != null).findFirst().orElse(null);
    }
  }

  public static PublisherThroughput run(RuntimeParts parts, BenchClients clients, RuntimeOptions options) throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    int firstHalf = options.events() / 2;
    int secondHalf = options.events() - firstHalf;
    try (EventBridgePublisher publisher = parts.publisher(options.publisherSenders(), registry)) {
      Round publisher1 = publisherRound(parts, clients, options, publisher, registry, firstHalf);
      Round naive1 = naiveRound(parts, clients, options, firstHalf);
      Round publisher2 = publisherRound(parts, clients, options, publisher, registry, secondHalf);
      Round naive2 = naiveRound(parts, clients, options, secondHalf);
      return new PublisherThroughput(new Variant(List.of(publisher1, publisher2)), new Variant(List.of(naive1, naive2)), PublisherMeters.of(registry));
    }
  }

  private static Round publisherRound(
      RuntimeParts parts, BenchClients clients, RuntimeOptions options, EventBridgePublisher publisher, SimpleMeterRegistry registry, int events)
      throws InterruptedException {
    long publishedBefore = PublisherMeters.count(registry, "bellyfed.events.published");
    return round("publisher", parts, clients, options, events,
        correlationId -> (thread, seq) -> {
          // The correlation id comes from the MDC, as in a request; the naive loop pays for the same.
          Correlation.with(correlationId, null, () -> publisher.publish(RuntimeParts.EVENT_TYPE, ReviewEvents.payload(seq)));
          return 1;
        },
        () -> {
          // Events still buffered or in flight are not lost: wait until the publisher has sent (or spilled) them.
          long deadline = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
          while (publisher.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
          }
          return PublisherMeters.count(registry, "bellyfed.events.published") - publishedBefore;
        });
  }

  private static Round naiveRound(RuntimeParts parts, BenchClients clients, RuntimeOptions options, int events) throws InterruptedException {
    // The client the publisher's PutEventsSender uses, so that only the batching differs.
    EventBridgeClient client = parts.localAws().eventBridge();
    AtomicLong accepted = new AtomicLong();
    return round("naive", parts, clients, options, events,
        correlationId -> (thread, seq) -> {
          EventEnvelope envelope = parts.envelope(correlationId, ReviewEvents.payload(seq));
          PutEventsRequestEntry entry = parts.sender().prepare(envelope).entry();
          PutEventsResponse response = client.putEvents(request -> request.entries(entry));
          Integer failed = response.failedEntryCount();
          if (failed != null && failed > 0) {
            throw new IllegalStateException("PutEvents refused the entry: " + response.entries().get(0).errorCode());
          }
          accepted.incrementAndGet();
          return 1;
        },
        accepted::get);
  }

  /**
   * Publishes {@code events} from the threads under a fresh correlation id, caught by a tap of its
   * own (so that late events of an earlier half cannot count here), and waits until as many as were
   * accepted have arrived.
   */
  private static Round round(
      String name, RuntimeParts parts, BenchClients clients, RuntimeOptions options, int events, Function<String, FixedCount.Call> calls,
      Expected expected) throws InterruptedException {
    // The rating and archive deliveries of the previous half must not run beside this one.
    Tap.awaitDeliveriesSettled(parts.localAws(), SETTLE_LIMIT);
    Set<String> arrived = ConcurrentHashMap.newKeySet();
    AtomicLong lastArrival = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    Duration limit = SEND_LIMIT.plus(ARRIVAL_LIMIT.multipliedBy(2)).plusSeconds(5);
    try (Tap tap = Tap.on(parts.localAws(), parts.bus(), name)) {
      TapReceivers receivers =
          new TapReceivers(clients.directSqs(), tap.queueUrl(), options.receivers(), limit, name + "-tap", message -> {
            String eventId = ReviewEvents.eventId(message.body()).orElseThrow(() -> new IllegalStateException("No eventId in " + message.body()));
            if (arrived.add(eventId)) {
              lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
            } else {
              duplicates.incrementAndGet();
            }
            return true;
          }).start();
      FixedCount.Result sending;
      TapReceivers.Result receiving;
      long toArrive;
      try {
        sending = FixedCount.run(name, options.threads(), events, SEND_LIMIT, calls.apply(tap.correlationId()));
        toArrive = expected.afterSending();
        receivers.awaitUntil(() -> arrived.size() >= toArrive, ARRIVAL_LIMIT);
      } finally {
        receiving = receivers.stop();
      }
      long end = lastArrival.get() == 0 ? System.nanoTime() : lastArrival.get();
      return new Round(
          events, sending.calls(), toArrive, arrived.size(), duplicates.get(), sending.errors() + receiving.errors(), sending.elapsed(),
          Duration.ofNanos(end - sending.startNanos()), sending.firstError() != null ? sending.firstError() : receiving.firstError());
    }
  }
}
