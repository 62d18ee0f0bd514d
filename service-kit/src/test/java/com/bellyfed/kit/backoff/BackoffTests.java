package com.bellyfed.kit.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTests {

  @Test
  void waitsGrowExponentiallyWithinTheirJitterBandUpToTheCap() {
    Backoff backoff = Backoff.exponential(10, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5);

    for (int sample = 0; sample < 200; sample++) {
      assertThat(backoff.delayBefore(1).toMillis()).isBetween(50L, 150L);
      assertThat(backoff.delayBefore(2).toMillis()).isBetween(100L, 300L);
      assertThat(backoff.delayBefore(3).toMillis()).isBetween(200L, 600L);
      // 100 ms * 2^5 = 3.2 s is past the cap: the jittered wait stays within the cap's band.
      assertThat(backoff.delayBefore(6).toMillis()).isBetween(500L, 1500L);
    }
  }

  @Test
  void waitsAreJitteredSoThatRetriesOfManyCallersDoNotArriveInLockStep() {
    Backoff backoff = Backoff.exponential(5, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5);

    Set<Long> waits = new HashSet<>();
    IntStream.range(0, 100).forEach(sample -> waits.add(backoff.delayBefore(2).toMillis()));

    assertThat(waits).as("distinct waits of 100 callers").hasSizeGreaterThan(20);
  }

  @Test
  void takesItsAttemptsAndWaitsFromTheRetryConfiguration() {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(4)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(20), 3.0, Duration.ofMillis(500)))
        .build();

    Backoff backoff = Backoff.of(config);

    assertThat(backoff.maxAttempts()).isEqualTo(4);
    assertThat(backoff.delayBefore(1)).isEqualTo(Duration.ofMillis(20));
    assertThat(backoff.delayBefore(2)).isEqualTo(Duration.ofMillis(60));
    assertThat(backoff.delayBefore(3)).isEqualTo(Duration.ofMillis(180));
    assertThat(backoff.delayBefore(5)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void allowsRetriesUntilTheAttemptsAreUsedUp() {
    Backoff backoff = Backoff.exponential(3, Duration.ofMillis(1), Duration.ofMillis(10), 0.5);

    assertThat(backoff.canRetry(1)).isTrue();
    assertThat(backoff.canRetry(2)).isTrue();
    assertThat(backoff.canRetry(3)).isFalse();
  }

  @Test
  void pausesForTheWaitBeforeTheRetry() throws InterruptedException {
    Backoff backoff = new Backoff(2, IntervalFunction.of(Duration.ofMillis(30)));

    long started = System.nanoTime();
    backoff.pauseBefore(1);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
  }

  @Test
  void needsAtLeastOneAttempt() {
    assertThatThrownBy(() -> new Backoff(0, IntervalFunction.ofDefaults())).isInstanceOf(IllegalArgumentException.class);
  }
}
