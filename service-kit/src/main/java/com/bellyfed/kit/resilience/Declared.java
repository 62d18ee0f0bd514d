package com.bellyfed.kit.resilience;

import com.bellyfed.kit.backoff.Backoff;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Breakers, retries and rate limiters taken from the registries that Resilience4j's Spring Boot starter fills from
 * {@code resilience4j.*}. A registry hands out an instance with library defaults for any name it does
 * not know, which would hide a typo or a missing declaration behind other numbers than the intended
 * ones; these lookups fail at startup instead.
 */
public final class Declared {

  private Declared() {}

  /** The breaker declared under {@code resilience4j.circuitbreaker.instances.<name>}. */
  public static CircuitBreaker circuitBreaker(CircuitBreakerRegistry registry, String name) {
    return registry.find(name).orElseThrow(() -> missing("circuitbreaker", name));
  }

  /** The retry declared under {@code resilience4j.retry.instances.<name>}. */
  public static Retry retry(RetryRegistry registry, String name) {
    return registry.find(name).orElseThrow(() -> missing("retry", name));
  }

  /** The rate limiter declared under {@code resilience4j.ratelimiter.instances.<name>}. */
  public static RateLimiter rateLimiter(RateLimiterRegistry registry, String name) {
    return registry.find(name).orElseThrow(() -> missing("ratelimiter", name));
  }

  /** The backoff of the retry declared under {@code resilience4j.retry.instances.<name>}. */
  public static Backoff backoff(RetryRegistry registry, String name) {
    return Backoff.of(retry(registry, name).getRetryConfig());
  }

  private static IllegalStateException missing(String kind, String name) {
    return new IllegalStateException(
        "No resilience4j." + kind + ".instances." + name + " is declared: declare it in configuration (its defaults are not this service's numbers)");
  }
}
