package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A review posted on write-service: the rating aggregate (write-service's listener on the rating queue)
 * updates the restaurant, query-service shows it, and analytics-service's archive holds the request's
 * whole chain in order.
 */
@SystemTest
class ReviewIntegrationTests {

  @Test
  void aPostedReviewUpdatesTheRatingQueryServiceShowsAndItsChainIsArchivedInOrder(Suite suite) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Users.SignedIn admin = suite.users().admin("review-admin-" + run);
    Users.SignedIn ana = suite.users().signUp("review-ana-" + run, "ana-" + run + "@example.com");
    Users.SignedIn ben = suite.users().signUp("review-ben-" + run, "ben-" + run + "@example.com");
    String restaurantId = Restaurants.create(suite, admin, "Review Test " + run);

    String correlationId = "systest-review-" + run;
    Answer first = suite.as(ana, "write-service").post("/api/restaurants/" + restaurantId + "/reviews",
        HttpApi.json(Map.of("rating", 5, "text", "The laksa is superb")), "X-Correlation-Id", correlationId);
    Answer second = suite.as(ben, "write-service").post("/api/restaurants/" + restaurantId + "/reviews",
        HttpApi.json(Map.of("rating", 2, "text", "Too salty")));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(second.status()).as(second.body()).isEqualTo(201);

    // (5 + 2) / 2 = 3.50, as query-service serves it.
    await("the rating in query-service").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> suite.query().get("/api/restaurants/" + restaurantId).json().path("reviewCount").asLong() == 2);
    JsonNode restaurant = suite.query().get("/api/restaurants/" + restaurantId).json();
    assertThat(restaurant.path("reviewCount").asLong()).isEqualTo(2);
    assertThat(new BigDecimal(restaurant.path("avgRating").asString())).isEqualByComparingTo("3.50");

    // The first review's request: the write's analytics event, the review event, and the rating update it caused.
    Analytics analytics = new Analytics(suite, admin);
    JsonNode chain = analytics.chain(correlationId, events -> types(events).containsAll(List.of("restaurant.review.created",
        "restaurant.rating.updated")) && types(events).stream().anyMatch(type -> type.endsWith("_WRITE_ANALYTICS")), Duration.ofSeconds(30));
    List<JsonNode> events = Analytics.events(chain);
    assertThat(chain.path("count").asInt()).as(chain.toString()).isEqualTo(events.size());
    JsonNode created = only(events, "restaurant.review.created");
    JsonNode updated = only(events, "restaurant.rating.updated");
    assertThat(created.path("data").path("restaurantId").asString()).isEqualTo(restaurantId);
    assertThat(updated.path("causationId").asString()).as(chain.toString()).isEqualTo(created.path("eventId").asString());
    assertThat(created.path("caused").toString()).contains(updated.path("eventId").asString());
    assertThat(updated.path("data").path("reviewCount").asLong()).isBetween(1L, 2L);
    assertThat(events.indexOf(created)).as("the cause comes before its effect").isLessThan(events.indexOf(updated));
    assertInOrder(events);
  }

  /** Ordered by timestamp, then sequence number (docs/analytics-service.md). */
  static void assertInOrder(List<JsonNode> events) {
    for (int i = 1; i < events.size(); i++) {
      Instant before = Instant.parse(events.get(i - 1).path("timestamp").asString());
      Instant after = Instant.parse(events.get(i).path("timestamp").asString());
      assertThat(after).as("event %d of %s", i, events).isAfterOrEqualTo(before);
      if (after.equals(before)) {
        assertThat(events.get(i).path("sequenceNumber").asLong()).isGreaterThanOrEqualTo(events.get(i - 1).path("sequenceNumber").asLong());
      }
    }
  }

  static List<String> types(List<JsonNode> events) {
    return events.stream().map(event -> event.path("eventType").asString()).toList();
  }

  static JsonNode only(List<JsonNode> events, String type) {
    List<JsonNode> matching = events.stream().filter(event -> event.path("eventType").asString().equals(type)).toList();
    assertThat(matching).as("%s in %s", type, events).hasSize(1);
    return matching.get(0);
  }
}
