package com.bellyfed.write.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

@WriteServiceTest
class RatingAggregationIntegrationTests {

  static final int REVIEWS = 500;
  static final int REDELIVERED = 100;
  static final int DELETED = 200;

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired MeterRegistry meters;
  /** Makes the restaurant and deletes reviews (any review is an admin's to delete). */
  Caller api;
  /** The reviews' authors, one per client thread. */
  List<Caller> reviewers = new ArrayList<>();

  @BeforeEach
  void api(LocalAws localAws) {
    api = Caller.admin(port, localAws);
    for (int i = 0; i < 16; i++) {
      reviewers.add(Caller.user(port, localAws, "reviewer"));
    }
  }

  @Test
  void fiveHundredConcurrentReviewsWithRedeliveriesGiveExactAggregatesAndDeletesBringThemBackDownExactly(LocalAws localAws)
      throws Exception {
    String restaurantId = api.post("/api/restaurants", HttpApi.json(Map.of(
        "name", "Hot spot " + UUID.randomUUID(), "city", "Kuching", "cuisine", "Sarawakian", "address", "3 Jalan Padungan")))
        .json().path("restaurantId").asString();
    String correlation = UUID.randomUUID().toString();
    Random random = new Random(42);
    List<Integer> ratings = new ArrayList<>();
    for (int i = 0; i < REVIEWS; i++) {
      ratings.add(1 + random.nextInt(5));
    }
    double handledBefore = handled();
    double retryCallsBefore = retryCalls("successful_without_retry") + retryCalls("successful_with_retry");
    double withRetryBefore = retryCalls("successful_with_retry");
    double conflictsBefore = conflictRetries();

    List<String> reviewIds = new ArrayList<>();
    try (EventTap created = EventTap.on(localAws, "restaurant",
        "{\"detail\":{\"correlationId\":[\"" + correlation + "\"],\"eventType\":[\"restaurant.review.created\"]}}")) {
      List<Task> posts = new ArrayList<>();
      for (int i = 0; i < ratings.size(); i++) {
        Caller reviewer = reviewers.get(i % reviewers.size());
        int rating = ratings.get(i);
        posts.add(() -> reviewer.post(
            "/api/restaurants/" + restaurantId + "/reviews", HttpApi.json(Map.of("rating", rating)), "X-Correlation-Id", correlation));
      }
      List<Answer> answers = concurrently(posts);
      assertThat(answers).extracting(Answer::status).containsOnly(201);
      answers.forEach(answer -> reviewIds.add(answer.json().path("reviewId").asString()));

      // Deliberate redeliveries: the first events once more on the rating queue, while the originals are still being applied.
      List<String> events = created.awaitRaw(REDELIVERED, Duration.ofSeconds(60));
      String ratingQueue = localAws.sqs().getQueueUrl(r -> r.queueName(topology.queue("rating").name())).queueUrl();
      for (int from = 0; from < REDELIVERED; from += 10) {
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = from; i < from + 10; i++) {
          batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(events.get(i)).build());
        }
        localAws.sqs().sendMessageBatch(r -> r.queueUrl(ratingQueue).entries(batch));
      }
    }

    long sum = ratings.stream().mapToLong(Integer::longValue).sum();
    await().atMost(Duration.ofSeconds(90)).until(() -> handled() >= handledBefore + REVIEWS + REDELIVERED);
    assertAggregates(restaurantId, REVIEWS, sum);

    List<Answer> deletions = concurrently(reviewIds.subList(0, DELETED).stream()
        .map(reviewId -> (Task) () -> api.delete("/api/reviews/" + reviewId)).toList());
    assertThat(deletions).extracting(Answer::status).containsOnly(204);
    long deletedSum = ratings.subList(0, DELETED).stream().mapToLong(Integer::longValue).sum();

    await().atMost(Duration.ofSeconds(60)).until(() -> handled() >= handledBefore + REVIEWS + REDELIVERED + DELETED);
    assertAggregates(restaurantId, REVIEWS - DELETED, sum - deletedSum);
    // Every aggregation ran through resilience4j.retry.instances.ratings, whose metrics count it; the
    // compare-and-sets lost to the concurrent consumers are its retries.
    assertThat(retryCalls("successful_without_retry") + retryCalls("successful_with_retry") - retryCallsBefore)
        .isGreaterThanOrEqualTo(REVIEWS + DELETED);
    assertThat(retryCalls("successful_with_retry") > withRetryBefore).isEqualTo(conflictRetries() > conflictsBefore);
  }

  /** {@code resilience4j_retry_calls_total{name="ratings",kind=...}} as /actuator/prometheus shows it. */
  private double retryCalls(String kind) {
    return meters.find("resilience4j.retry.calls").tag("name", "ratings").tag("kind", kind).functionCounters().stream()
        .mapToDouble(counter -> counter.count()).sum();
  }

  private double conflictRetries() {
    return meters.find("bellyfed.write.ratings.retries").counters().stream().mapToDouble(counter -> counter.count()).sum();
  }

  private void assertAggregates(String restaurantId, long count, long sum) {
    Map<String, AttributeValue> item = RatingAggregates.assertExact(dynamoDb, topology, restaurantId, count, sum);
    assertThat(item.get("version").n()).as("the aggregates do not bump the listing's version").isEqualTo("1");
  }

  /** Rating events taken care of: applied, or recognised as duplicates by the guard or by the transaction. */
  private double handled() {
    return count("bellyfed.write.ratings", "outcome", "applied") + count("bellyfed.write.ratings", "outcome", "duplicate");
  }

  private double count(String name, String tag, String value) {
    Counter counter = meters.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  interface Task {
    Answer call();
  }

  /** 16 clients at once, as the load. */
  private static List<Answer> concurrently(List<Task> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Answer>> futures = tasks.stream().map(task -> pool.submit(task::call)).toList();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
