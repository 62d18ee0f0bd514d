package com.bellyfed.events.outbox;

import java.time.Duration;

/**
 * How the relay publishes outbox rows.
 *
 * @param lease how long a claim protects a row from other relays
 * @param sweepAfter how old a PENDING row must be before the sweeper takes it (the fast path had its chance)
 * @param sweepInterval how often the sweeper looks
 * @param sweepBatch rows taken per sweep
 * @param maxAttempts failed attempts before a row becomes FAILED
 * @param fastPathWorkers threads publishing committed rows; each sends up to 10 rows per PutEvents
 * @param fastPathCapacity committed rows waiting for a fast-path worker; beyond it they wait for the sweeper
 */
public record OutboxSettings(
    Duration lease, Duration sweepAfter, Duration sweepInterval, int sweepBatch, int maxAttempts, int fastPathWorkers, int fastPathCapacity) {

  public OutboxSettings {
    if (fastPathWorkers < 1 || fastPathCapacity < 1) {
      throw new IllegalArgumentException("fastPathWorkers and fastPathCapacity must be at least 1");
    }
  }

  public OutboxSettings(Duration lease, Duration sweepAfter, Duration sweepInterval, int sweepBatch, int maxAttempts) {
    this(lease, sweepAfter, sweepInterval, sweepBatch, maxAttempts, 4, 10_000);
  }

  public static OutboxSettings defaults() {
    return new OutboxSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1), 100, 10);
  }
}
