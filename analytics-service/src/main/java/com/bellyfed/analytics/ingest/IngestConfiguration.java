package com.bellyfed.analytics.ingest;

import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  /**
   * The circuit of the analytics and archive listeners' DynamoDB writes,
   * {@code resilience4j.circuitbreaker.instances.dynamodb} (on the runtime's {@code dependency}
   * configuration): while it is open both listeners stop polling ({@code ListenerPause}), so an
   * outage sends nothing to the dead-letter queues: the events wait in their queues.
   */
  @Bean
  CircuitBreaker analyticsDynamoDbCircuitBreaker(CircuitBreakerRegistry registry) {
    return Declared.circuitBreaker(registry, "dynamodb");
  }
}
