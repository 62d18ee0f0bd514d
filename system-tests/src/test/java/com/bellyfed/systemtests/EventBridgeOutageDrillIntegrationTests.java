package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LoadTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault drill of issue 20: EventBridge down for 20 s under a steady load of reviews (2 a second for 40 s). Every
 * review is accepted (the event waits in write-service's outbox), every review's event is delivered after the
 * recovery, and none takes effect twice: each restaurant's count and average are exact, and the archive holds one
 * {@code restaurant.review.created} and one {@code restaurant.rating.updated} per review.
 */
@SystemTest
@LoadTest
class EventBridgeOutageDrillIntegrationTests {

  private static final int REVIEWERS = 8;
  private static final int RESTAURANTS = 10;
  private static final int REVIEWS = REVIEWERS * RESTAURANTS;

  @Test
  void everyReviewWrittenWhileEventBridgeIsDownTakesEffectOnceAfterItRecovers(Suite suite) throws Exception {
    Drill drill = Drill.prepare(suite, "eb", REVIEWERS, RESTAURANTS);
    String run = drill.run();
    List<Users.SignedIn> reviewers = drill.reviewers();
    List<String> restaurants = drill.restaurants();
    Analytics analytics = drill.analytics();
    long deadBefore = analytics.deadLetters(Suite.ENV + "-rating-dlq");
    HttpApi faults = suite.localAwsAdmin();

    // Review k: reviewer k mod 8 on restaurant k / 8, rating 1 + k mod 5; EventBridge down from review 20 to review 60 (20 s).
    Map<Integer, String> accepted = new ConcurrentHashMap<>();
    Map<Integer, String> refused = new ConcurrentHashMap<>();
    AtomicInteger whileDown = new AtomicInteger();
    List<Integer> faultAnswers = new CopyOnWriteArrayList<>();
    try {
      Drill.pace(REVIEWS, Duration.ofMillis(500), 4, Duration.ofMinutes(3), k -> {
        if (k == 20) {
          faultAnswers.add(faults.post("/_local-aws/faults", "{\"service\":\"events\",\"type\":\"DOWN\"}").status());
        } else if (k == 60) {
          // The outage is real: nothing of review 40's request (the review event, the write's analytics event) reached a bus.
          whileDown.set(analytics.api().get("/api/events?correlationId=systest-drill-eb-" + run + "-40").status());
          faultAnswers.add(faults.delete("/_local-aws/faults?service=events").status());
        }
        String correlationId = "systest-drill-eb-" + run + "-" + k;
        try {
          Answer review = suite.as(reviewers.get(k % REVIEWERS), "write-service").post("/api/restaurants/" + restaurants.get(k / REVIEWERS)
              + "/reviews", HttpApi.json(Map.of("rating", 1 + k % 5)), "X-Correlation-Id", correlationId);
          (review.status() == 201 ? accepted : refused).put(k, review.status() == 201 ? correlationId : review.status() + " " + review.body());
        } catch (RuntimeException failed) {
          refused.put(k, failed.toString());
        }
      });
    } finally {
      faults.delete("/_local-aws/faults?service=events");
    }
    assertThat(faultAnswers).as("fault set, then cleared").hasSize(2).allSatisfy(status -> assertThat(status).isBetween(200, 204));
    assertThat(whileDown.get()).as("review 40's chain while EventBridge was down").isEqualTo(404);
    assertThat(refused).as("every review accepted while EventBridge was down").isEmpty();
    assertThat(accepted).hasSize(REVIEWS);

    for (int r = 0; r < RESTAURANTS; r++) {
      drill.assertRatingShowsEveryReview(suite, r, REVIEWERS, Duration.ofMinutes(2));
    }
    drill.assertEachReviewTookEffectOnce(accepted.values(), Duration.ofMinutes(1));
    assertThat(analytics.deadLetters(Suite.ENV + "-rating-dlq")).isEqualTo(deadBefore);
  }
}
