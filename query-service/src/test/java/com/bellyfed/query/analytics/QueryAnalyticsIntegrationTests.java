package com.bellyfed.query.analytics;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.query.AnalyticsQueue;
import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

class QueryAnalyticsIntegrationTests extends QueryServiceIntegrationTest {

  private static final int REQUESTS = 40;

  @Autowired SqsClient sqs;

  @AfterEach
  void clearFaults(LocalAws localAws) {
    localAws.faults().clear();
  }

  @Test
  void emitsTheQueryEventOfASearchWithItsFiltersAndResultCount() {
    String city = "Kuching " + UUID.randomUUID().toString().substring(0, 8);
    fixtures().putRestaurants(List.of(
        restaurant("Laksa Sarawak", city, "Dayak", "4.7", 2, Instant.parse("2026-01-01T00:00:00Z")),
        restaurant("Kolo Mee Stall", city, "Hakka", "4.2", 1, Instant.parse("2026-01-02T00:00:00Z"))));
    String correlationId = UUID.randomUUID().toString();

    HttpApi.Answer response = get("/api/restaurants?city=" + city.replace(" ", "%20") + "&minRating=4&limit=5", "X-Correlation-Id", correlationId);

    assertThat(response.status()).isEqualTo(200);
    JsonNode event = analytics().await(correlationId, 1, Duration.ofSeconds(15)).get(0);
    assertThat(event.path("eventType").asString()).isEqualTo("RESTAURANT_QUERY_ANALYTICS");
    JsonNode data = event.path("data");
    assertThat(data.path("eventCategory").asString()).isEqualTo("QUERY");
    assertThat(data.path("action").asString()).isEqualTo("EXECUTE");
    assertThat(data.path("status").asString()).isEqualTo("SUCCESS");
    assertThat(data.path("duration").asLong()).isNotNegative();
    JsonNode properties = data.path("properties");
    assertThat(properties.path("service").asString()).isEqualTo("query-service");
    assertThat(properties.path("query").asString()).isEqualTo("restaurants.search");
    assertThat(properties.path("resultCount").asInt()).isEqualTo(2);
    assertThat(properties.path("httpStatus").asInt()).isEqualTo(200);
    assertThat(properties.path("filters").path("city").asString()).isEqualTo(city);
    assertThat(properties.path("filters").path("minRating").asDouble()).isEqualTo(4.0);
    assertThat(properties.path("filters").path("limit").asInt()).isEqualTo(5);
    assertThat(properties.has("userId")).isFalse();
  }

  @Test
  void emitsAFailureEventForARejectedRequestAndTheUserIdForProfileQueries() {
    String rejected = UUID.randomUUID().toString();
    String profile = UUID.randomUUID().toString();
    String userId = UUID.randomUUID().toString();

    get("/api/restaurants?sort=popular", "X-Correlation-Id", rejected);
    get("/api/users/" + userId + "/profile", "X-Correlation-Id", profile);

    JsonNode failure = analytics().await(rejected, 1, Duration.ofSeconds(15)).get(0).path("data");
    assertThat(failure.path("status").asString()).isEqualTo("FAILURE");
    assertThat(failure.path("properties").path("httpStatus").asInt()).isEqualTo(400);
    JsonNode notFound = analytics().await(profile, 1, Duration.ofSeconds(15)).get(0);
    assertThat(notFound.path("eventType").asString()).isEqualTo("USER_QUERY_ANALYTICS");
    assertThat(notFound.path("data").path("properties").path("userId").asString()).isEqualTo(userId);
    assertThat(notFound.path("data").path("properties").path("httpStatus").asInt()).isEqualTo(404);
  }

  /**
   * The same GETs healthy, with EventBridge down and with every PutEvents held 2 s: responses stay
   * 200 and as fast as healthy ones (a generous bound: well under the 2 s a blocked request would
   * take), and every event still arrives once EventBridge is back.
   */
  @Test
  void keepsResponsesFastWhileEventBridgeIsDownOrSlowAndDeliversTheEventsAfterwards(LocalAws localAws) {
    Map<String, AttributeValue> item = restaurant("Satay Celup", "Melaka", "Malay", "4.3", 2, Instant.parse("2026-01-01T00:00:00Z"));
    fixtures().putRestaurant(item);
    String path = "/api/restaurants/" + item.get("restaurantId").s();
    get(path);

    Run healthy = run(path, "healthy");
    localAws.faults().inject(Fault.down(AwsService.EVENTS));
    Run down = run(path, "down");
    localAws.faults().clear();
    localAws.faults().inject(Fault.latency(AwsService.EVENTS, Duration.ofSeconds(2)));
    Run slow = run(path, "slow");
    localAws.faults().clear();

    for (Run faulted : List.of(down, slow)) {
      assertThat(faulted.statuses()).as(faulted.name()).containsOnly(200);
      assertThat(faulted.p99Millis()).as(faulted.name() + " p99 vs healthy " + healthy.p99Millis())
          .isLessThan(Math.max(3 * healthy.p99Millis(), healthy.p99Millis() + 300));
      assertThat(faulted.maxMillis()).as(faulted.name()).isLessThan(1_500);
    }
    AnalyticsQueue queue = analytics();
    long cleared = System.nanoTime();
    for (Run run : List.of(healthy, down, slow)) {
      for (String correlationId : run.correlationIds()) {
        JsonNode event = queue.await(correlationId, 1, Duration.ofSeconds(90)).get(0);
        assertThat(event.path("data").path("properties").path("query").asString()).isEqualTo("restaurants.get");
      }
      System.out.printf("analytics of the %s run arrived %d ms after the fault cleared%n", run.name(), (System.nanoTime() - cleared) / 1_000_000);
    }
  }

  private Run run(String path, String name) {
    List<Integer> statuses = new ArrayList<>();
    List<Long> millis = new ArrayList<>();
    List<String> correlationIds = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String correlationId = name + "-" + UUID.randomUUID();
      long start = System.nanoTime();
      HttpApi.Answer response = get(path, "X-Correlation-Id", correlationId);
      millis.add((System.nanoTime() - start) / 1_000_000);
      statuses.add(response.status());
      correlationIds.add(correlationId);
    }
    return new Run(name, statuses, millis.stream().sorted().toList(), correlationIds);
  }

  private record Run(String name, List<Integer> statuses, List<Long> sortedMillis, List<String> correlationIds) {

    long p99Millis() {
      return sortedMillis.get((int) Math.ceil(sortedMillis.size() * 0.99) - 1);
    }

    long maxMillis() {
      return sortedMillis.get(sortedMillis.size() - 1);
    }
  }

  private AnalyticsQueue analytics() {
    return new AnalyticsQueue(sqs, topology);
  }
}
