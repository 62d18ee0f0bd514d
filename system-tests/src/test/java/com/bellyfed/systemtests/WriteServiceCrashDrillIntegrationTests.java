package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.LoadTest;
import com.bellyfed.testing.processes.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fault drill of issue 20: write-service killed with SIGKILL in the middle of a steady load of reviews (2 a second)
 * and started again. No acknowledged write (201) loses its event: each has one {@code restaurant.review.created}
 * and one {@code restaurant.rating.updated} in the archive, each restaurant counts exactly its acknowledged reviews,
 * and the outbox drains (no PENDING row left).
 */
@SystemTest
@LoadTest
class WriteServiceCrashDrillIntegrationTests {

  private static final int REVIEWERS = 8;
  private static final int RESTAURANTS = 6;
  private static final int REVIEWS = REVIEWERS * RESTAURANTS;

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (the outbox's state index)
  @Test
  void noAcknowledgedReviewLosesItsEventWhenWriteServiceIsKilledMidLoad(Suite suite) throws Exception {
    Drill drill = Drill.prepare(suite, "kill", REVIEWERS, RESTAURANTS);
    String run = drill.run();
    List<Users.SignedIn> reviewers = drill.reviewers();
    List<String> restaurants = drill.restaurants();
    Analytics analytics = drill.analytics();

    // Review k: reviewer k mod 8 on restaurant k / 8, rating 1 + k mod 5; write-service SIGKILLed before review 16.
    Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    AtomicReference<ServiceProcess> restarted = new AtomicReference<>();
    // One thread: the steps run in order, so that the kill comes after the answers to reviews 0 to 15, which are owed.
    Drill.pace(REVIEWS, Duration.ofMillis(500), 1, Duration.ofMinutes(3), k -> {
      if (k == 16) {
        restarted.set(suite.killAndRestart("write-service"));
      }
      String correlationId = "systest-drill-kill-" + run + "-" + k;
      try {
        Answer review = suite.as(reviewers.get(k % REVIEWERS), "write-service").post("/api/restaurants/" + restaurants.get(k / REVIEWERS)
            + "/reviews", HttpApi.json(Map.of("rating", 1 + k % 5)), "X-Correlation-Id", correlationId);
        if (review.status() == 201) {
          acknowledged.put(k, correlationId);
        }
      } catch (RuntimeException refusedWhileDown) {
        // Not acknowledged: the client saw a failure, so nothing is owed for it.
      }
    });
    assertThat(restarted.get()).as("write-service was killed and started again").isNotNull();
    restarted.get().awaitReady(Duration.ofMinutes(6));
    assertThat(acknowledged.keySet()).as("the reviews before the kill were acknowledged").containsAll(java.util.stream.IntStream.range(0, 16)
        .boxed().toList());

    for (int r = 0; r < RESTAURANTS; r++) {
      String id = restaurants.get(r);
      int index = r;
      long count = acknowledged.keySet().stream().filter(k -> k / REVIEWERS == index).count();
      await("the rating of restaurant " + r).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
          .until(() -> suite.query().get("/api/restaurants/" + id).json().path("reviewCount").asLong() == count);
    }
    drill.assertEachReviewTookEffectOnce(acknowledged.values(), Duration.ofMinutes(2));
    await("the outbox drained").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> suite.aws().dynamoDb()
        .query(request -> request.tableName(Suite.Clients.table("outbox")).indexName("outbox-state-index")
            .keyConditionExpression("#state = :pending").expressionAttributeNames(Map.of("#state", "state"))
            .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"))).select("COUNT"))
        .count() == 0);
  }
}
