package com.bellyfed.benchmarks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/** The benchmarks' breaker is the services' eventbridge breaker, as the runtime's defaults declare it. */
class RuntimePartsTests {

  @Test
  void theBreakerIsTheDeclaredEventBridgeBreaker() {
    CircuitBreaker breaker = RuntimeParts.breaker();
    CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();

    assertThat(breaker.getName()).isEqualTo("eventbridge");
    assertThat(config.getSlidingWindowSize()).isEqualTo(20);
    assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
    assertThat(config.getFailureRateThreshold()).isEqualTo(50);
    assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5_000);
    assertThat(config.getRecordExceptionPredicate().test(SdkClientException.create("down", new ConnectException()))).isTrue();
    assertThat(config.getRecordExceptionPredicate().test(EventBridgeException.builder().statusCode(400).message("invalid").build()))
        .as("counts outages only, as in the services (the hand-built breaker counted every failure)")
        .isFalse();
  }
}
