package com.bellyfed.kit.backoff;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one backoff policy of the services: how many attempts an operation gets and how long to wait
 * before each retry. Built from a Resilience4j {@link RetryConfig}, so the numbers live under
 * {@code resilience4j.retry.instances.<name>} and can be tuned by environment variables. For retries
 * that do not block a thread (the event publisher schedules each retry of an entry); the loops that
 * block between attempts run through the {@code Retry} itself, with
 * {@link com.bellyfed.kit.resilience.Attempts}.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param intervals the wait before retry {@code n} (1 for the first retry), in milliseconds
 */
public record Backoff(int maxAttempts, IntervalFunction intervals) {

  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** The attempts and waits a retry configuration declares. */
  public static Backoff of(RetryConfig config) {
    IntervalBiFunction<Object> waits = config.getIntervalBiFunction();
    // Configurations from properties wrap an IntervalFunction, which ignores the outcome argument.
    return new Backoff(config.getMaxAttempts(), retry -> waits.apply(retry, null));
  }

  /**
   * Exponential backoff with jitter, as AWS advises for retried calls: the wait before retry
   * {@code n} is {@code first * 2^(n-1)}, capped at {@code max}, spread by ±{@code jitter} of itself.
   */
  public static Backoff exponential(int maxAttempts, Duration first, Duration max, double jitter) {
    return new Backoff(maxAttempts, IntervalFunction.ofExponentialRandomBackoff(first, 2.0, jitter, max));
  }

  /** Whether an operation that has made {@code attemptsMade} attempts may make another one. */
  public boolean canRetry(int attemptsMade) {
    return attemptsMade < maxAttempts;
  }

  /** The wait before retry {@code retry}, counted from 1. */
  public Duration delayBefore(int retry) {
    return Duration.ofMillis(Math.max(0, intervals.apply(Math.max(1, retry))));
  }

  /** Waits before retry {@code retry}, counted from 1. */
  public void pauseBefore(int retry) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(delayBefore(retry).toMillis());
  }
}
