package com.bellyfed.query.storage;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The guarded DynamoDB reads, sharing the event runtime's DynamoDB client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StorageConfiguration {

  /**
   * {@code resilience4j.circuitbreaker.instances.dynamodb} (application.yml): its state is
   * {@code resilience4j_circuitbreaker_state{name="dynamodb"}} in the metrics and {@code /actuator/circuitbreakers}.
   */
  @Bean
  CircuitBreaker queryDynamoDbCircuitBreaker(CircuitBreakerRegistry registry) {
    return Declared.circuitBreaker(registry, "dynamodb");
  }

  /** "tables" in the health endpoint and the readiness group. */
  @Bean
  TablesHealthIndicator tablesHealthIndicator(DynamoDbClient dynamoDb, Topology topology, StoreProperties properties) {
    return new TablesHealthIndicator(dynamoDb, topology, properties.callTimeout()).checkInBackground();
  }

  @Bean
  Store store(DynamoDbClient dynamoDb, CircuitBreaker queryDynamoDbCircuitBreaker, StoreProperties properties, MeterRegistry registry) {
    return new Store(dynamoDb, queryDynamoDbCircuitBreaker, properties, registry);
  }
}
