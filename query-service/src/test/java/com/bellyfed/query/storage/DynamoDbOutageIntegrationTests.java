package com.bellyfed.query.storage;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbOutageIntegrationTests extends QueryServiceIntegrationTest {

  @Autowired CircuitBreaker queryDynamoDbCircuitBreaker;

  @AfterEach
  void recover(LocalAws localAws) {
    localAws.faults().clear();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/restaurants?limit=1").status() == 200);
  }

  @Test
  void failsFastWith503WhileDynamoDbIsDownAndRecoversOnItsOwn(LocalAws localAws) {
    Map<String, AttributeValue> item = restaurant("Roti Canai Stall", "Seremban", "Mamak", "4.0", 1, Instant.parse("2026-01-01T00:00:00Z"));
    fixtures().putRestaurant(item);
    String path = "/api/restaurants/" + item.get("restaurantId").s();
    assertThat(get(path).status()).isEqualTo(200);

    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    // 32 clients at once: bounded by the call timeout, none waits for a thread or hangs.
    List<HttpApi.Answer> first =
        IntStream.range(0, 32).mapToObj(i -> CompletableFuture.supplyAsync(() -> get(path))).toList()
            .stream().map(CompletableFuture::join).toList();
    assertThat(first).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.firstHeader("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(response.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:service-unavailable");
      assertThat(response.firstHeader("Retry-After")).isPresent();
    });
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> queryDynamoDbCircuitBreaker.getState() == CircuitBreaker.State.OPEN);

    long start = System.nanoTime();
    HttpApi.Answer whileOpen = get("/api/restaurants?city=Seremban");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(whileOpen.status()).isEqualTo(503);
    // Far below the 4 s call timeout: the open circuit answered without waiting for DynamoDB.
    assertThat(millis).as("answered while the circuit is open").isLessThan(1_000);

    localAws.faults().clear();
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> get(path).status() == 200);
    assertThat(get(path).json().path("name").asString()).isEqualTo("Roti Canai Stall");
  }

  @Test
  void answers503WhenDynamoDbHangsLongerThanTheCallTimeout(LocalAws localAws) {
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofSeconds(10)).onlyFor("Query"));
    // Timeouts count as failures of the circuit; start from a closed one whatever ran before.
    queryDynamoDbCircuitBreaker.reset();

    long start = System.nanoTime();
    HttpApi.Answer response = get("/api/restaurants?city=Seremban");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.status()).isEqualTo(503);
    // The 4 s call timeout, not the 10 s DynamoDB holds the request.
    assertThat(millis).isLessThan(7_000);
  }
}
