package com.bellyfed.events.consuming;

import java.time.Duration;

/**
 * How failed messages come back.
 *
 * @param firstBackoff the visibility timeout after the first failure; it doubles with every receive
 * @param maxBackoff the cap of that timeout (DESIGN.md: 5 minutes)
 */
public record ConsumerSettings(Duration firstBackoff, Duration maxBackoff) {

  public static ConsumerSettings defaults() {
    return new ConsumerSettings(Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  /** The visibility timeout after the {@code receiveCount}-th receive failed. */
  Duration backoff(int receiveCount) {
    long seconds = firstBackoff.toSeconds() << Math.min(Math.max(receiveCount - 1, 0), 20);
    return Duration.ofSeconds(Math.min(seconds, maxBackoff.toSeconds()));
  }
}
