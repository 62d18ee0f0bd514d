package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Follows the EventBridge emulator's delivery counters, which move off the PutEvents caller's thread. */
public final class DeliveryWatch {

  private static final long POLL_MILLIS = 10;

  /** The counters at one moment. */
  public record Snapshot(long accepted, long delivered, long retried, long deadLettered, long dropped, long atNanos) {

    Snapshot minus(Snapshot base) {
      return new Snapshot(
          accepted - base.accepted, delivered - base.delivered, retried - base.retried,
          deadLettered - base.deadLettered, dropped - base.dropped, atNanos);
    }

    /** Events that will not move any more: delivered, dead-lettered or dropped. */
    public long settled() {
      return delivered + deadLettered + dropped;
    }
  }

  /**
   * How waiting ended.
   *
   * @param expected the events waited for
   * @param counts the counters' change since the base snapshot, taken when waiting ended
   */
  public record Outcome(long expected, Snapshot counts) {

    /** Whether every expected event was delivered. */
    public boolean complete() {
      return counts.delivered() >= expected;
    }

    /** Whether waiting ended because the time ran out rather than because every event settled. */
    public boolean timedOut() {
      return counts.settled() < expected;
    }
  }

  private final Supplier<Map<String, Long>> stats;

  DeliveryWatch(Supplier<Map<String, Long>> stats) {
    this.stats = stats;
  }

  Snapshot now() {
    Map<String, Long> counts = stats.get();
    return new Snapshot(
        counts.getOrDefault("entriesAccepted", 0L),
        counts.getOrDefault("delivered", 0L),
        counts.getOrDefault("retried", 0L),
        counts.getOrDefault("deadLettered", 0L),
        counts.getOrDefault("dropped", 0L),
        System.nanoTime());
  }

  /** Waits until {@code expected} events since {@code base} have settled, or for at most {@code timeout}. */
  Outcome await(Snapshot base, long expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Snapshot delta = now().minus(base);
    while (delta.settled() < expected && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MILLIS);
      delta = now().minus(base);
    }
    return new Outcome(expected, delta);
  }
}
