package com.bellyfed.query.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The breakers come from Resilience4j's starter: declared in resilience4j.*, listed at
 * /actuator/circuitbreakers, exported as resilience4j_circuitbreaker_state; an open one takes the
 * instance neither out of health nor out of readiness (docs/decisions.md).
 */
class CircuitBreakersIntegrationTests extends QueryServiceIntegrationTest {

  @Autowired CircuitBreaker queryDynamoDbCircuitBreaker;

  @AfterEach
  void close() {
    queryDynamoDbCircuitBreaker.transitionToClosedState();
  }

  @Test
  void listsTheDynamoDbAndEventBridgeBreakersWithTheirDeclaredSettings() {
    JsonNode breakers = management("/actuator/circuitbreakers").json().path("circuitBreakers");

    assertThat(breakers.propertyNames()).contains("dynamodb", "eventbridge");
    assertThat(queryDynamoDbCircuitBreaker.getName()).isEqualTo("dynamodb");
    // application.yml's declaration, with the test's shorter open state.
    assertThat(queryDynamoDbCircuitBreaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(5);
    assertThat(queryDynamoDbCircuitBreaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
    assertThat(queryDynamoDbCircuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(1_000);
  }

  @Test
  void exportsTheStateOfEveryBreakerIncludingEventBridges() {
    queryDynamoDbCircuitBreaker.transitionToOpenState();

    List<String> states = management("/actuator/prometheus").body().lines().filter(line -> line.startsWith("resilience4j_circuitbreaker_state{")).toList();

    assertThat(states).anySatisfy(line -> assertThat(line).contains("name=\"dynamodb\"", "state=\"open\"").endsWith(" 1.0"));
    assertThat(states).anySatisfy(line -> assertThat(line).contains("name=\"eventbridge\"", "state=\"closed\"").endsWith(" 1.0"));
  }

  @Test
  void anOpenBreakerShowsAtTheEndpointButKeepsTheInstanceHealthyAndReady() {
    queryDynamoDbCircuitBreaker.transitionToOpenState();

    assertThat(management("/actuator/circuitbreakers").json().path("circuitBreakers").path("dynamodb").path("state").asString()).isEqualTo("OPEN");
    assertThat(management("/actuator/health").json().path("status").asString()).isEqualTo("UP");
    // Every instance shares the one DynamoDB: 503s with Retry-After beat a load balancer without targets.
    assertThat(management("/actuator/health/readiness").status()).isEqualTo(200);
  }
}
