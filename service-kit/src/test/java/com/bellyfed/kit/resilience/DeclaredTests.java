package com.bellyfed.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeclaredTests {

  @Test
  void handsOutTheDeclaredBreakerWithItsOwnConfiguration() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    registry.circuitBreaker("dynamodb", CircuitBreakerConfig.custom().slidingWindowSize(7).build());

    assertThat(Declared.circuitBreaker(registry, "dynamodb").getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(7);
  }

  @Test
  void refusesABreakerNobodyDeclaredInsteadOfInventingOneWithLibraryDefaults() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    assertThatThrownBy(() -> Declared.circuitBreaker(registry, "dynamodb"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resilience4j.circuitbreaker.instances.dynamodb");
    assertThat(registry.getAllCircuitBreakers()).isEmpty();
  }

  @Test
  void handsOutTheBackoffOfADeclaredRetryAndRefusesAnUndeclaredOne() {
    RetryRegistry registry = RetryRegistry.ofDefaults();
    registry.retry("ratings", RetryConfig.custom().maxAttempts(9).waitDuration(Duration.ofMillis(3)).build());

    assertThat(Declared.backoff(registry, "ratings").maxAttempts()).isEqualTo(9);
    assertThat(Declared.backoff(registry, "ratings").delayBefore(1)).isEqualTo(Duration.ofMillis(3));
    assertThatThrownBy(() -> Declared.retry(registry, "archive"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resilience4j.retry.instances.archive");
  }

  @Test
  void handsOutTheDeclaredRateLimiterAndRefusesAnUndeclaredOne() {
    RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    registry.rateLimiter("errors", RateLimiterConfig.custom().limitForPeriod(10).build());

    assertThat(Declared.rateLimiter(registry, "errors").getRateLimiterConfig().getLimitForPeriod()).isEqualTo(10);
    assertThatThrownBy(() -> Declared.rateLimiter(registry, "reports"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resilience4j.ratelimiter.instances.reports");
  }
}
