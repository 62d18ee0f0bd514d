package com.bellyfed.kit.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One limiter per user or address and rule, made from a declared {@code resilience4j.ratelimiter.configs.<name>}
 * and forgotten when idle or when {@code maxKeys} are tracked (least recently seen first), so that a client
 * inventing keys cannot grow memory without bound. The limiters live in a registry of their own: the
 * starter's registry publishes metrics per instance, one time series per user would follow.
 */
final class RateLimiterKeys {

  private final RateLimiterRegistry limiters;
  private final int maxKeys;
  private final long idleMillis;
  private final Clock clock;
  /** Key to last use, least recently used first. */
  private final LinkedHashMap<String, Long> lastUse = new LinkedHashMap<>(16, 0.75f, true);

  RateLimiterKeys(Map<String, RateLimiterConfig> declared, int maxKeys, Duration idleAfter, Clock clock) {
    this.limiters = RateLimiterRegistry.of(declared);
    this.maxKeys = maxKeys;
    this.idleMillis = idleAfter.toMillis();
    this.clock = clock;
  }

  /** The limiter of this key, made from the declared config {@code configName} on first use. */
  synchronized RateLimiter limiter(String key, String configName) {
    long now = clock.millis();
    for (Iterator<Map.Entry<String, Long>> eldest = lastUse.entrySet().iterator(); eldest.hasNext(); ) {
      Map.Entry<String, Long> entry = eldest.next();
      if (now - entry.getValue() < idleMillis && lastUse.size() < maxKeys) {
        break;
      }
      if (!entry.getKey().equals(key)) {
        eldest.remove();
        limiters.remove(entry.getKey());
      }
    }
    lastUse.put(key, now);
    return limiters.rateLimiter(key, configName);
  }

  synchronized int size() {
    return lastUse.size();
  }

  /** How long until the limiter has a permit again; a whole refresh period where it cannot tell. */
  static Duration wait(RateLimiter limiter) {
    if (limiter instanceof AtomicRateLimiter atomic) {
      long nanos = atomic.getDetailedMetrics().getNanosToWait();
      if (nanos > 0) {
        return Duration.ofNanos(nanos);
      }
    }
    RateLimiterConfig config = limiter.getRateLimiterConfig();
    return config.getLimitRefreshPeriod();
  }
}
