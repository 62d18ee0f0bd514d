package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.jobId;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.uniqueCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.imports.records.RecordType;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.EventTap;
import com.bellyfed.testing.TappedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Imported reviews go out to the rating aggregate exactly: each chunk's per-restaurant totals of the reviews it wrote
 * are published once as {@code restaurant.reviews.imported} on the restaurant bus (caught here by a tap on that bus),
 * leaving out reviews already in the table, duplicates within the file, and a chunk's second delivery. That
 * write-service adds such an event to a restaurant's ratings once is write-service's ImportedRatingsIntegrationTests;
 * both services together, as processes, are system-tests' ImportIntegrationTests.
 */
@ImportServiceTest
class ImportedReviewRatingsIntegrationTests {

  private static LocalAws issuer;

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired ImportJobs jobs;

  ImportApi api;

  @BeforeAll
  static void issuer(LocalAws localAws) {
    issuer = localAws;
  }

  @BeforeEach
  void api() {
    api = ImportApi.asAdmin(port, issuer);
  }

  @Test
  void eachChunkPublishesTheTotalsOfTheReviewsItWroteLeavingOutThoseAlreadyThere(LocalAws localAws) {
    List<String> restaurants = importRestaurants(3);
    // A review write-service wrote before the import: in the table, and counted in the ratings already.
    String postedReview = UUID.randomUUID().toString();
    putReview(restaurants.get(0), postedReview, 2, null);
    Map<String, long[]> expected = new LinkedHashMap<>();

    List<String> lines = new ArrayList<>();
    int[] ratings = {5, 4, 4, 3, 1, 5, 2, 4, 5, 3, 3, 4};
    String firstImported = null;
    for (int i = 0; i < ratings.length; i++) {
      String restaurant = restaurants.get(i % 3);
      String reviewId = UUID.randomUUID().toString();
      firstImported = firstImported == null ? reviewId : firstImported;
      lines.add(review(reviewId, restaurant, ratings[i]));
      long[] total = expected.computeIfAbsent(restaurant, id -> new long[2]);
      total[0]++;
      total[1] += ratings[i];
    }
    // The same review twice in one file, and the review write-service wrote: each is in the table once, and counts once.
    lines.add(review(firstImported, restaurants.get(0), 5));
    lines.add(review(postedReview, restaurants.get(0), 5));

    String correlationId = "imported-ratings-" + UUID.randomUUID();
    try (EventTap tap = EventTap.on(localAws.sqs(), localAws.eventBridge(), topology.bus("restaurant").name(),
        "{\"detail\":{\"eventType\":[\"" + ImportedRatings.EVENT_TYPE + "\"],\"correlationId\":[\"" + correlationId + "\"]}}")) {
      JsonNode job = api.awaitSettled(jobId(api.post("reviews", "application/x-ndjson", String.join("\n", lines),
          "X-Correlation-Id", correlationId)), Duration.ofSeconds(60));

      assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
      assertThat(job.path("counts").path("written").asLong()).isEqualTo(ratings.length);
      assertThat(job.path("counts").path("skipped").asLong()).as("reviews already in the table").isEqualTo(2);
      // 14 lines make one chunk: one event, with each restaurant's total of what the chunk wrote.
      List<TappedEvent> events = tap.await(1, Duration.ofSeconds(30));
      events.addAll(tap.more());
      assertThat(events).as("one event for the one chunk").hasSize(1);
      assertThat(totals(events)).isEqualTo(asText(expected));
      assertThat(events.get(0).source()).isEqualTo("bellyfed.restaurant");
      assertThat(events.get(0).detailType()).isEqualTo("ReviewsImported");
    }
  }

  @Test
  void aChunkDeliveredTwicePublishesItsTotalsOnce(LocalAws localAws) {
    String restaurant = importRestaurants(1).get(0);
    String jobId = UUID.randomUUID().toString();
    jobs.create(jobId, "reviews", "NDJSON", null);
    jobs.finishUpload(jobId, 6, 0, 2, List.of());
    List<String> first = List.of(
        review(UUID.randomUUID().toString(), restaurant, 5), review(UUID.randomUUID().toString(), restaurant, 4),
        review(UUID.randomUUID().toString(), restaurant, 3));
    String correlationId = "test-" + jobId;
    String firstChunk = Chunk.body(jobId, RecordType.REVIEWS, 0, first, correlationId, "test", Instant.now());
    // An earlier delivery of the first chunk wrote one of its reviews, then died before counting: still the chunk's own.
    putReview(restaurant, idOf(first.get(0)), 5, Chunk.id(jobId, 0));

    try (EventTap tap = EventTap.on(localAws.sqs(), localAws.eventBridge(), topology.bus("restaurant").name(),
        "{\"detail\":{\"eventType\":[\"" + ImportedRatings.EVENT_TYPE + "\"],\"correlationId\":[\"" + correlationId + "\"]}}")) {
      sendToImportQueue(localAws, firstChunk);
      sendToImportQueue(localAws, firstChunk);
      await().atMost(Duration.ofSeconds(30)).until(() -> api.job(jobId).path("chunks").path("done").asLong() == 1);
      // The second chunk repeats a review of the first one: it was written by another chunk, so it is not this one's.
      List<String> second = List.of(first.get(1), review(UUID.randomUUID().toString(), restaurant, 1), review(UUID.randomUUID().toString(), restaurant, 1));
      String secondChunk = Chunk.body(jobId, RecordType.REVIEWS, 1, second, correlationId, "test", Instant.now());
      sendToImportQueue(localAws, secondChunk);
      sendToImportQueue(localAws, secondChunk);

      JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(30));
      assertThat(job.path("counts").path("written").asLong()).isEqualTo(5);
      assertThat(job.path("counts").path("skipped").asLong()).isEqualTo(1);
      List<TappedEvent> events = tap.await(2, Duration.ofSeconds(30));
      // Late duplicates would come after the first ones: let the queues drain and look again.
      await().atMost(Duration.ofSeconds(30)).until(() -> messagesIn(localAws, "import") == 0);
      events.addAll(tap.more());
      assertThat(events).as("one event per chunk, whichever delivery committed it").hasSize(2);
      assertThat(events.stream().map(event -> event.data().path("chunkId").asString()).sorted().toList())
          .containsExactly(Chunk.id(jobId, 0), Chunk.id(jobId, 1));
      assertThat(totals(events.stream().filter(event -> event.data().path("chunkId").asString().equals(Chunk.id(jobId, 0))).toList()))
          .isEqualTo(Map.of(restaurant, "3/12"));
      assertThat(totals(events.stream().filter(event -> event.data().path("chunkId").asString().equals(Chunk.id(jobId, 1))).toList()))
          .isEqualTo(Map.of(restaurant, "2/2"));
    }
  }

  /** Per restaurant, "reviews/ratingSum" summed over the events. */
  private static Map<String, String> totals(List<TappedEvent> events) {
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (TappedEvent event : events) {
      for (JsonNode restaurant : event.data().path("restaurants")) {
        long[] total = totals.computeIfAbsent(restaurant.path("restaurantId").asString(), id -> new long[2]);
        total[0] += restaurant.path("reviews").asLong();
        total[1] += restaurant.path("ratingSum").asLong();
      }
    }
    return asText(totals);
  }

  private static Map<String, String> asText(Map<String, long[]> totals) {
    Map<String, String> text = new LinkedHashMap<>();
    totals.forEach((restaurant, total) -> text.put(restaurant, total[0] + "/" + total[1]));
    return text;
  }

  /** A review item as write-service writes it, or as a chunk's earlier delivery did ({@code writer}: the chunk's id). */
  private void putReview(String restaurantId, String reviewId, int rating, String writer) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(Map.of(
        "restaurantId", AttributeValue.fromS(restaurantId), "reviewId", AttributeValue.fromS(reviewId),
        "userId", AttributeValue.fromS("user-" + rating), "rating", AttributeValue.fromN(Integer.toString(rating)),
        "createdAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"), "version", AttributeValue.fromN("1")));
    if (writer != null) {
      item.put(ItemWriter.WRITER, AttributeValue.fromS(writer));
    }
    dynamoDb.putItem(request -> request.tableName(topology.table("reviews").name()).item(item));
  }

  private List<String> importRestaurants(int count) {
    String city = uniqueCity();
    List<String> ids = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      lines.add("{\"restaurantId\":\"" + id + "\",\"name\":\"Rated " + i + "\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":2}");
    }
    JsonNode job = api.awaitSettled(jobId(api.post("restaurants", "application/x-ndjson", String.join("\n", lines))), Duration.ofSeconds(60));
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    return ids;
  }

  private static String review(String reviewId, String restaurantId, int rating) {
    return "{\"reviewId\":\"" + reviewId + "\",\"restaurantId\":\"" + restaurantId + "\",\"userId\":\"user-" + rating + "\",\"rating\":" + rating
        + ",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
  }

  private static String idOf(String reviewJson) {
    return reviewJson.substring("{\"reviewId\":\"".length(), "{\"reviewId\":\"".length() + 36);
  }

  private void sendToImportQueue(LocalAws localAws, String body) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue("import").name())).queueUrl();
    localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body));
  }

  private int messagesIn(LocalAws localAws, String flow) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue(flow).name())).queueUrl();
    Map<String, String> attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url)
        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages")) + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
