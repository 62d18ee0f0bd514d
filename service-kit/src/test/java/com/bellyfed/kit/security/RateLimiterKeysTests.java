package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterKeysTests {

  private static final RateLimiterConfig DECLARED = RateLimiterConfig.custom()
      .limitForPeriod(2).limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();

  private final MutableClock clock = new MutableClock();

  @Test
  void aClientInventingKeysKeepsOnlyTheMostRecentlySeen() {
    RateLimiterKeys keys = new RateLimiterKeys(Map.of("writes", DECLARED), 100, Duration.ofHours(1), clock);
    for (int i = 0; i < 10_000; i++) {
      keys.limiter("address|10.0." + (i / 256) + "." + (i % 256), "writes").acquirePermission();
    }
    assertThat(keys.size()).isEqualTo(100);
  }

  @Test
  void aKeyKeepsItsLimiterWhileInUseAndLosesItWhenIdle() {
    RateLimiterKeys keys = new RateLimiterKeys(Map.of("writes", DECLARED), 100, Duration.ofMinutes(10), clock);
    RateLimiter limiter = keys.limiter("user|u-1", "writes");
    assertThat(limiter.acquirePermission()).isTrue();
    assertThat(limiter.acquirePermission()).isTrue();
    assertThat(keys.limiter("user|u-1", "writes").acquirePermission()).isFalse();

    clock.advance(Duration.ofMinutes(11));
    keys.limiter("user|u-2", "writes");

    assertThat(keys.size()).isEqualTo(1);
    assertThat(keys.limiter("user|u-1", "writes")).isNotSameAs(limiter);
  }

  @Test
  void theLimiterIsMadeFromTheDeclaredConfig() {
    RateLimiterKeys keys = new RateLimiterKeys(Map.of("writes", DECLARED), 100, Duration.ofMinutes(10), clock);
    assertThat(keys.limiter("user|u-1", "writes").getRateLimiterConfig().getLimitForPeriod()).isEqualTo(2);
  }

  private static final class MutableClock extends Clock {

    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
