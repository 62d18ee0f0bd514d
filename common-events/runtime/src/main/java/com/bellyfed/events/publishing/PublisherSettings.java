package com.bellyfed.events.publishing;

import com.bellyfed.kit.backoff.Backoff;
import java.time.Duration;

/**
 * How the publisher batches and retries.
 *
 * @param bufferCapacity events held in memory before {@code publish} waits
 * @param offerTimeout how long {@code publish} waits for room before spilling the event to the outbox
 * @param senders threads sending PutEvents calls
 * @param backoff attempts per event before it is spilled to the outbox, and the waits between them
 *     (in a service: {@code resilience4j.retry.instances.eventbridge})
 * @param shutdownTimeout how long closing may take to flush the buffer
 * @param linger how long a sender holding fewer than 10 events waits for more before it sends; zero
 *     sends whatever is buffered at once
 */
public record PublisherSettings(
    int bufferCapacity, Duration offerTimeout, int senders, Backoff backoff, Duration shutdownTimeout, Duration linger) {

  /**
   * Settings with {@code maxAttempts} attempts whose waits start at {@code initialBackoff} and double,
   * jittered by half either way, up to 5 s.
   */
  public PublisherSettings(
      int bufferCapacity, Duration offerTimeout, int senders, int maxAttempts, Duration initialBackoff, Duration shutdownTimeout,
      Duration linger) {
    this(bufferCapacity, offerTimeout, senders, Backoff.exponential(maxAttempts, initialBackoff, Duration.ofSeconds(5), 0.5), shutdownTimeout, linger);
  }

  /** Settings that send at once, without lingering. */
  public PublisherSettings(
      int bufferCapacity, Duration offerTimeout, int senders, int maxAttempts, Duration initialBackoff, Duration shutdownTimeout) {
    this(bufferCapacity, offerTimeout, senders, maxAttempts, initialBackoff, shutdownTimeout, Duration.ZERO);
  }

  public static PublisherSettings defaults() {
    return new PublisherSettings(10_000, Duration.ofMillis(100), 4, 3, Duration.ofMillis(50), Duration.ofSeconds(10));
  }
}
