package com.bellyfed.analytics.archive;

import static com.bellyfed.analytics.AnalyticsFixtures.data;
import static com.bellyfed.analytics.AnalyticsFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.SignedInApi;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AnalyticsIntegrationTest
class ArchiveIntegrationTests {

  @LocalServerPort int port;
  /** Every API here is an admin's: the tests call it as one, with a real access token. */
  private SignedInApi http;
  @Autowired Topology topology;

  @BeforeEach
  void signIn(LocalAws localAws) {
    http = SignedInApi.admin(port, localAws);
  }

  @Test
  void returnsOneRequestsChainAcrossAWriteAndItsConsumersCompleteAndInOrderWithCausationLinks(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    String restaurantId = UUID.randomUUID().toString();
    Instant t = Instant.now().minusSeconds(5);
    // A review written (write-service), its analytics event, the rating consumer's update and the
    // listing's own change, which shares the timestamp of the rating update but comes later in the aggregate.
    EventEnvelope review = envelope("restaurant.review.created", "bellyfed.restaurant", t, correlationId, null, 1,
        data("reviewId", UUID.randomUUID().toString(), "restaurantId", restaurantId, "rating", 5));
    EventEnvelope analytics = AnalyticsFixtures.analyticsEvent("write", Category.USER_ACTION, Status.SUCCESS, 12, t.plusMillis(3));
    analytics = new EventEnvelope(analytics.eventId(), analytics.eventType(), 1, analytics.source(), analytics.timestamp(), correlationId,
        null, 0, null, analytics.data(), analytics.metadata());
    EventEnvelope rating = envelope("restaurant.rating.updated", "bellyfed.restaurant", t.plusMillis(40), correlationId, review.eventId(), 7,
        data("restaurantId", restaurantId, "reviewCount", 3, "avgRating", 4.5));
    EventEnvelope listing = envelope("restaurant.listing.updated", "bellyfed.restaurant", t.plusMillis(40), correlationId, rating.eventId(), 8,
        data("restaurantId", restaurantId));

    // Published out of order, on their own buses; the archive rules of both buses feed the archive queue.
    publish(localAws, "restaurant", listing, "ListingUpdated");
    publish(localAws, "analytics", analytics, "RestaurantQueryAnalytics");
    publish(localAws, "restaurant", rating, "RatingUpdated");
    publish(localAws, "restaurant", review, "ReviewCreated");

    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() == 4);

    JsonNode chain = http.get("/api/events?correlationId=" + correlationId).json();
    assertThat(chain.path("events").findValuesAsString("eventId"))
        .containsExactly(review.eventId(), analytics.eventId(), rating.eventId(), listing.eventId());
    List<String> roots = new ArrayList<>();
    chain.path("roots").forEach(root -> roots.add(root.asString()));
    assertThat(roots).containsExactly(review.eventId(), analytics.eventId());
    assertThat(chain.path("events").get(0).path("caused").get(0).asString()).isEqualTo(rating.eventId());
    assertThat(chain.path("events").get(2).path("causationId").asString()).isEqualTo(review.eventId());
    assertThat(chain.path("events").get(2).path("caused").get(0).asString()).isEqualTo(listing.eventId());
    assertThat(chain.path("events").get(0).path("data").path("rating").asInt()).as("the event's own data").isEqualTo(5);
    assertThat(chain.path("events").get(2).path("data").path("avgRating").asDouble()).isEqualTo(4.5);
  }

  @Test
  void answersAnUnknownCorrelationIdWith404AndAMissingOneWith400() {
    HttpApi.Answer unknown = http.get("/api/events?correlationId=" + UUID.randomUUID());
    HttpApi.Answer missing = http.get("/api/events");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("correlationId");
  }

  private void publish(LocalAws localAws, String busDomain, EventEnvelope event, String detailType) {
    String bus = topology.bus(busDomain).name();
    var response = localAws.eventBridge().putEvents(request -> request.entries(entry -> entry
        .eventBusName(bus).source(event.source()).detailType(detailType).detail(AnalyticsFixtures.JSON.write(event))));
    assertThat(response.failedEntryCount()).isZero();
  }
}
