package com.bellyfed.events.publishing;

import java.time.Duration;

/**
 * How the publisher batches and retries.
 *
 * @param bufferCapacity events held in memory before {@code publish} waits
 * @param offerTimeout how long {@code publish} waits for room before spilling the event to the outbox
 * @param senders threads sending PutEvents calls
 * @param maxAttempts attempts per event before it is spilled to the outbox
 * @param initialBackoff the first retry's delay; later ones double, with jitter
 * @param shutdownTimeout how long closing may take to flush the buffer
 * @param linger how long a sender holding fewer than 10 events waits for more before it sends; zero
 *     sends whatever is buffered at once
 */
public record PublisherSettings(
    int bufferCapacity, Duration offerTimeout, int senders, int maxAttempts, Duration initialBackoff, Duration shutdownTimeout,
    Duration linger) {

  /** Settings that send at once, without lingering. */
  public PublisherSettings(
      int bufferCapacity, Duration offerTimeout, int senders, int maxAttempts, Duration initialBackoff, Duration shutdownTimeout) {
    this(bufferCapacity, offerTimeout, senders, maxAttempts, initialBackoff, shutdownTimeout, Duration.ZERO);
  }

  public static PublisherSettings defaults() {
    return new PublisherSettings(10_000, Duration.ofMillis(100), 4, 3, Duration.ofMillis(50), Duration.ofSeconds(10));
  }
}
