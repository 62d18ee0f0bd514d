package com.bellyfed.write.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@WriteServiceTest
class ReviewsIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  /** A signed-in user, who writes the reviews; the admin makes the restaurants they review. */
  Caller api;
  Caller admin;

  @BeforeEach
  void api(LocalAws localAws) {
    api = Caller.user(port, localAws, "reviewer");
    admin = Caller.admin(port, localAws);
  }

  /** A review's body: no author, the author is the signed-in user. */
  static Map<String, Object> review(int rating) {
    Map<String, Object> review = new HashMap<>();
    review.put("rating", rating);
    review.put("dish", "Char kway teow");
    review.put("text", "Smoky, generous, worth the queue.");
    return review;
  }

  @Test
  void createsAReviewWithLocationAndETagAndPublishesReviewCreated(LocalAws localAws) {
    String restaurantId = restaurant();
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "restaurant", correlation)) {
      Answer created = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(4)), "X-Correlation-Id", correlation);

      assertThat(created.status()).isEqualTo(201);
      String reviewId = created.json().path("reviewId").asString();
      assertThat(created.header("Location")).isEqualTo("/api/reviews/" + reviewId);
      assertThat(created.header("ETag")).isEqualTo("\"1\"");
      Map<String, AttributeValue> item = item(restaurantId, reviewId);
      assertThat(item.get("rating").n()).isEqualTo("4");
      assertThat(item.get("dish").s()).isEqualTo("Char kway teow");
      assertThat(item.get("version").n()).isEqualTo("1");
      assertThat(item.get("userId").s()).isEqualTo(api.userId());
      assertThat(created.json().path("userId").asString()).isEqualTo(api.userId());
      List<EventEnvelope> events = tap.await(1, Duration.ofSeconds(20));
      assertThat(events.get(0).eventType()).isEqualTo("restaurant.review.created");
      assertThat(events.get(0).data().path("userId").asString()).isEqualTo(api.userId());
      assertThat(events.get(0).userId()).isEqualTo(api.userId());
      assertThat(events.get(0).data().path("reviewId").asText()).isEqualTo(reviewId);
      assertThat(events.get(0).data().path("rating").asInt()).isEqualTo(4);
    }
  }

  @Test
  void aPostRetriedWithTheSameIdempotencyKeyCreatesOneReviewAndAnswersTheSame() {
    String restaurantId = restaurant();
    String key = UUID.randomUUID().toString();
    String body = HttpApi.json(review(5));

    Answer first = api.post("/api/restaurants/" + restaurantId + "/reviews", body, "Idempotency-Key", key);
    Answer retried = api.post("/api/restaurants/" + restaurantId + "/reviews", body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.json()).isEqualTo(first.json());
    assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retried.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(reviewsOf(restaurantId)).isEqualTo(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyAnswers422AndWritesNothing() {
    String restaurantId = restaurant();
    String key = UUID.randomUUID().toString();
    api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(5)), "Idempotency-Key", key);

    Answer other = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(1)), "Idempotency-Key", key);

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.json().path("detail").asString()).contains(key);
    assertThat(reviewsOf(restaurantId)).isEqualTo(1);
  }

  @Test
  void answers404ForAReviewOfAnUnknownRestaurantAndWritesNothing() {
    String unknown = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();

    Answer answer = api.post("/api/restaurants/" + unknown + "/reviews", HttpApi.json(review(3)), "Idempotency-Key", key);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("detail").asString()).contains(unknown);
    assertThat(reviewsOf(unknown)).isZero();
    assertThat(dynamoDb.getItem(r -> r.tableName(topology.table("idempotency-keys").name())
        .key(Map.of("idempotencyKey", AttributeValue.fromS(api.userId() + "/" + key)))).hasItem()).as("no idempotency record of a failed write").isFalse();
  }

  @Test
  void namesEveryInvalidField() {
    String restaurantId = restaurant();
    Map<String, Object> invalid = new HashMap<>();
    invalid.put("userId", "bad id with spaces");
    invalid.put("rating", 6);
    invalid.put("dish", "d".repeat(201));

    Answer answer = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(invalid));
    Answer zero = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(Map.of("rating", 0)));
    Answer missing = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(Map.of("text", "no rating")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("dish", "rating", "userId");
    assertThat(zero.json().path("errors").findValuesAsString("field")).containsExactly("rating");
    assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("rating");
    assertThat(reviewsOf(restaurantId)).isZero();
  }

  @Test
  void answers415And413AndRejectsBadIdempotencyKeys() {
    String restaurantId = restaurant();
    Map<String, Object> huge = review(3);
    huge.put("text", "t".repeat(17_000));

    assertThat(api.post("/api/restaurants/" + restaurantId + "/reviews", "rating=5", "Content-Type", "application/x-www-form-urlencoded").status())
        .isEqualTo(415);
    assertThat(api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(huge)).status()).isEqualTo(413);
    Answer badKey = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(3)), "Idempotency-Key", "k".repeat(300));
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.json().path("detail").asString()).contains("Idempotency-Key");
  }

  @Test
  void deletesAReviewAndPublishesReviewDeletedWithItsRating(LocalAws localAws) {
    String restaurantId = restaurant();
    String reviewId = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(2))).json().path("reviewId").asString();
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "restaurant", correlation)) {
      assertThat(api.delete("/api/reviews/" + reviewId, "If-Match", "\"2\"").status()).isEqualTo(412);

      EventTap.Stimulus<Answer> deletion =
          tap.stimulate(() -> api.delete("/api/reviews/" + reviewId, "If-Match", "\"1\"", "X-Correlation-Id", correlation));

      assertThat(deletion.result().status()).isEqualTo(204);
      assertThat(item(restaurantId, reviewId)).isEmpty();
      EventEnvelope event = deletion.andWaitForEventOfType("restaurant.review.deleted");
      // One review.deleted; the rating consumer's restaurant.rating.updated may follow under the same
      // correlation, and anything else on the bus for it must be caused by the deletion.
      assertThat(tap.received()).filteredOn(e -> e.eventType().equals("restaurant.review.deleted")).containsExactly(event);
      assertThat(tap.received()).filteredOn(e -> !e.eventId().equals(event.eventId()))
          .allSatisfy(caused -> assertThat(caused.causationId()).isEqualTo(event.eventId()));
      assertThat(event.data().path("rating").asInt()).isEqualTo(2);
      assertThat(event.data().path("restaurantId").asText()).isEqualTo(restaurantId);
    }
    assertThat(api.delete("/api/reviews/" + reviewId).status()).isEqualTo(404);
    assertThat(api.delete("/api/reviews/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void aBodyThatStillNamesAnAuthorIs400NamingUserIdAndWritesNothing() {
    String restaurantId = restaurant();
    for (String author : List.of(api.userId(), "someone-else")) {
      Map<String, Object> named = review(5);
      named.put("userId", author);

      Answer answer = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(named));

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("errors").findValuesAsString("field")).containsExactly("userId");
      assertThat(answer.json().path("errors").findValuesAsString("reason")).singleElement().asString().contains("signed-in user");
    }
    assertThat(reviewsOf(restaurantId)).isZero();
  }

  @Test
  void anotherUserMayNotDeleteAReviewItsAuthorAndAnAdminMay(LocalAws localAws) {
    String restaurantId = restaurant();
    String first = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(4))).json().path("reviewId").asString();
    String second = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(3))).json().path("reviewId").asString();
    Caller other = Caller.user(port, localAws, "other");

    Answer refused = other.delete("/api/reviews/" + first, "If-Match", "\"1\"");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:forbidden");
    assertThat(item(restaurantId, first)).isNotEmpty();
    assertThat(api.delete("/api/reviews/" + first, "If-Match", "\"1\"").status()).isEqualTo(204);
    assertThat(admin.delete("/api/reviews/" + second).status()).isEqualTo(204);
    assertThat(reviewsOf(restaurantId)).isZero();
  }

  @Test
  void anIdempotencyKeyIsTheCallersAnotherUserWithTheSameKeyWritesTheirOwnReview(LocalAws localAws) {
    String restaurantId = restaurant();
    String key = UUID.randomUUID().toString();
    String body = HttpApi.json(review(5));
    Caller other = Caller.user(port, localAws, "other");

    Answer mine = api.post("/api/restaurants/" + restaurantId + "/reviews", body, "Idempotency-Key", key);
    Answer theirs = other.post("/api/restaurants/" + restaurantId + "/reviews", body, "Idempotency-Key", key);

    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.json().path("userId").asString()).isEqualTo(other.userId());
    assertThat(theirs.json().path("reviewId").asString()).isNotEqualTo(mine.json().path("reviewId").asString());
    assertThat(reviewsOf(restaurantId)).isEqualTo(2);
  }

  @Test
  void withoutATokenNothingIsReviewedOrDeleted() {
    String restaurantId = restaurant();
    String reviewId = api.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(4))).json().path("reviewId").asString();
    HttpApi anonymous = new HttpApi(port);

    Answer post = anonymous.post("/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(review(1)));
    Answer delete = anonymous.delete("/api/reviews/" + reviewId);

    assertThat(post.status()).isEqualTo(401);
    assertThat(delete.status()).isEqualTo(401);
    assertThat(delete.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(reviewsOf(restaurantId)).isEqualTo(1);
  }

  private String restaurant() {
    Answer created = admin.post("/api/restaurants", HttpApi.json(Map.of(
        "name", "Review target " + UUID.randomUUID(), "city", "Ipoh", "cuisine", "Chinese", "address", "2 Jalan Bandar Timah")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("restaurantId").asString();
  }

  private int reviewsOf(String restaurantId) {
    return dynamoDb.query(q -> q.tableName(topology.table("reviews").name()).keyConditionExpression("restaurantId = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(restaurantId))).consistentRead(true)).count();
  }

  private Map<String, AttributeValue> item(String restaurantId, String reviewId) {
    return dynamoDb.getItem(r -> r.tableName(topology.table("reviews").name()).consistentRead(true)
        .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId), "reviewId", AttributeValue.fromS(reviewId)))).item();
  }
}
