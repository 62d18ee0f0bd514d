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
 */
public record OutboxSettings(Duration lease, Duration sweepAfter, Duration sweepInterval, int sweepBatch, int maxAttempts) {

  public static OutboxSettings defaults() {
    return new OutboxSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1), 100, 10);
  }
}
