package com.bellyfed.write.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.WriteServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * import-service's {@code restaurant.reviews.imported} (what one chunk of imported reviews added to each restaurant)
 * reaches the rating aggregate through the restaurant bus's rating rule, adds to what reviews posted through the API
 * made, and counts once however often it is delivered: the event is published here as import-service publishes it
 * (source {@code bellyfed.restaurant}, detail-type {@code ReviewsImported}). That import-service sends it once per chunk
 * is import-service's test; both together, through the real processes, are system-tests' ImportIntegrationTests.
 */
@WriteServiceTest
class ImportedRatingsIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired EnvelopeJson json;
  @Autowired MeterRegistry meters;

  @Test
  void importedTotalsAddToPostedReviewsOnceEvenWhenTheEventIsDeliveredTwice(LocalAws localAws) {
    Caller admin = Caller.admin(port, localAws);
    String restaurantId = admin.post("/api/restaurants", HttpApi.json(Map.of(
        "name", "Imported " + UUID.randomUUID(), "city", "Ipoh", "cuisine", "Cantonese", "address", "8 Jalan Sultan Idris Shah")))
        .json().path("restaurantId").asString();
    Answer posted = Caller.user(port, localAws, "reviewer").post("/api/restaurants/" + restaurantId + "/reviews",
        HttpApi.json(Map.of("rating", 2)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    awaitAggregates(restaurantId, 1, 2);
    double duplicatesBefore = count("duplicate");

    // Two chunks of one job: 3 reviews summing 12, then 2 summing 2; the first chunk's event is delivered twice.
    String jobId = UUID.randomUUID().toString();
    EventEnvelope first = imported(jobId, 0, restaurantId, 3, 12);
    EventEnvelope second = imported(jobId, 1, restaurantId, 2, 2);
    publish(localAws, first);
    publish(localAws, first);
    publish(localAws, second);

    awaitAggregates(restaurantId, 1 + 3 + 2, 2 + 12 + 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> count("duplicate") >= duplicatesBefore + 1);
    assertAggregates(restaurantId, 6, 16);
  }

  private EventEnvelope imported(String jobId, int chunk, String restaurantId, long reviews, long ratingSum) {
    Map<String, Object> data = Map.of("jobId", jobId, "chunkId", jobId + "#" + chunk, "part", 1, "parts", 1,
        "restaurants", List.of(Map.of("restaurantId", restaurantId, "reviews", reviews, "ratingSum", ratingSum)));
    return new EventEnvelope(UUID.randomUUID().toString(), "restaurant.reviews.imported", 1, "import-service", Instant.now(),
        "import-" + jobId, null, chunk, null, json.tree(data), Map.of("service", "import-service"));
  }

  private void publish(LocalAws localAws, EventEnvelope event) {
    PutEventsResponse response = localAws.eventBridge().putEvents(request -> request.entries(entry -> entry
        .eventBusName(topology.bus("restaurant").name()).source("bellyfed.restaurant").detailType("ReviewsImported")
        .detail(json.write(event))));
    assertThat(response.failedEntryCount()).as(response.toString()).isZero();
  }

  private void awaitAggregates(String restaurantId, long count, long sum) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertAggregates(restaurantId, count, sum));
  }

  private void assertAggregates(String restaurantId, long count, long sum) {
    RatingAggregates.assertExact(dynamoDb, topology, restaurantId, count, sum);
  }

  private double count(String outcome) {
    Counter counter = meters.find("bellyfed.write.ratings").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
