package com.bellyfed.events.consuming;

import java.time.Duration;

/**
 * How failed messages come back, and how running handlers keep their message.
 *
 * @param firstBackoff the visibility timeout after the first failure; it doubles with every receive
 * @param maxBackoff the cap of that timeout (DESIGN.md: 5 minutes)
 * @param heartbeatInterval how often a running handler's message gets its visibility extended
 * @param heartbeatVisibility the visibility timeout each extension sets; longer than the interval
 */
public record ConsumerSettings(Duration firstBackoff, Duration maxBackoff, Duration heartbeatInterval, Duration heartbeatVisibility) {

  public ConsumerSettings {
    if (heartbeatVisibility.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException("heartbeatVisibility must be longer than heartbeatInterval, or messages reappear between beats");
    }
  }

  public static ConsumerSettings defaults() {
    return new ConsumerSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(20), Duration.ofSeconds(60));
  }

  public ConsumerSettings withBackoff(Duration first, Duration max) {
    return new ConsumerSettings(first, max, heartbeatInterval, heartbeatVisibility);
  }

  public ConsumerSettings withHeartbeat(Duration interval, Duration visibility) {
    return new ConsumerSettings(firstBackoff, maxBackoff, interval, visibility);
  }

  /** The visibility timeout after the {@code receiveCount}-th receive failed. */
  Duration backoff(int receiveCount) {
    long seconds = firstBackoff.toSeconds() << Math.min(Math.max(receiveCount - 1, 0), 20);
    return Duration.ofSeconds(Math.min(seconds, maxBackoff.toSeconds()));
  }
}
