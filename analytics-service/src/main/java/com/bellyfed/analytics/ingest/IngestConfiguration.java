package com.bellyfed.analytics.ingest;

import com.bellyfed.events.listener.ListenerPause;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  /**
   * The circuit of the analytics and archive listeners' DynamoDB writes
   * ({@link ListenerPause#dependencyCircuit}): while it is open both listeners stop polling, so an
   * outage sends nothing to the dead-letter queues: the events wait in their queues.
   */
  @Bean
  CircuitBreaker analyticsDynamoDbCircuitBreaker() {
    return ListenerPause.dependencyCircuit("analytics-dynamodb");
  }
}
