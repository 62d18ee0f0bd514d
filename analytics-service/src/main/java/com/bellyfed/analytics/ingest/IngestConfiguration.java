package com.bellyfed.analytics.ingest;

import com.bellyfed.events.consuming.Outages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  /**
   * The circuit of the analytics and archive listeners' DynamoDB writes: opens when half of at
   * least 10 batches failed on DynamoDB being unreachable, erroring or throttling past the SDK's
   * retries (a write DynamoDB refuses as invalid does not count), and probes again after 2 s, then
   * 4 s, ... up to 60 s, with a single batch. While it is open both listeners stop polling, so an outage sends nothing
   * to the dead-letter queues: the events wait in their queues.
   */
  @Bean
  CircuitBreaker analyticsDynamoDbCircuitBreaker() {
    return CircuitBreaker.of("analytics-dynamodb", CircuitBreakerConfig.custom()
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)))
        // One batch probes whether DynamoDB is back: each probe costs its messages a receive.
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordException(Outages::isOutage)
        .build());
  }
}
