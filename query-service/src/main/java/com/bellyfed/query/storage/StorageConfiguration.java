package com.bellyfed.query.storage;

import com.bellyfed.kit.outage.Outages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The guarded DynamoDB reads, sharing the event runtime's DynamoDB client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StorageConfiguration {

  @Bean
  CircuitBreaker queryDynamoDbCircuitBreaker(StoreProperties properties, MeterRegistry registry) {
    CircuitBreaker breaker =
        CircuitBreaker.of(
            "query-dynamodb",
            CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.openStateWait())
                // Recovers on its own: the first request after the wait probes DynamoDB.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(Outages::isOutage)
                .build());
    Gauge.builder("bellyfed.query.dynamodb.circuit.open", breaker, b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
        .description("1 while reads are refused because DynamoDB is failing")
        .register(registry);
    return breaker;
  }

  /** "tables" in the health endpoint and the readiness group. */
  @Bean
  TablesHealthIndicator tablesHealthIndicator(DynamoDbClient dynamoDb, Topology topology, StoreProperties properties) {
    return new TablesHealthIndicator(dynamoDb, topology, properties.callTimeout());
  }

  @Bean
  Store store(DynamoDbClient dynamoDb, CircuitBreaker queryDynamoDbCircuitBreaker, StoreProperties properties, MeterRegistry registry) {
    return new Store(dynamoDb, queryDynamoDbCircuitBreaker, properties, registry);
  }
}
