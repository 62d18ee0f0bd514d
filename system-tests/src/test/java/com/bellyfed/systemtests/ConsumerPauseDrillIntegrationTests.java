package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LoadTest;
import com.bellyfed.testing.processes.ChildProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Fault drill of issue 20: analytics-service, the consumer that archives every event, frozen with SIGSTOP for 30 s
 * (a stop-the-world pause, a frozen container) under a steady load of reviews (100 in a minute), then let go with
 * SIGCONT. What it had received but not deleted becomes visible again once its 30 s visibility timeout passes, and
 * what piled up meanwhile waits in its queue; after the pause every review's chain holds exactly one
 * {@code restaurant.review.created} and one {@code restaurant.rating.updated} (no loss, no double from a message
 * received twice), the producers never noticed (every review 201, exact counts and averages), and nothing was
 * dead-lettered.
 */
@SystemTest
@LoadTest
class ConsumerPauseDrillIntegrationTests {

  private static final int REVIEWERS = 10;
  private static final int RESTAURANTS = 10;
  private static final int REVIEWS = REVIEWERS * RESTAURANTS;
  private static final String CONSUMER = "analytics-service";
  /**
   * 100 writes a minute: write-service allows 120 a minute from one address ({@code writes-per-address}), and every
   * request here comes from 127.0.0.1, restaurants and retries included.
   */
  private static final Duration PACE = Duration.ofMillis(600);

  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
  @Test
  void eventsOfAConsumerFrozenForThirtySecondsAreProcessedExactlyOnceAfterItResumes(Suite suite) throws Exception {
    Drill drill = Drill.prepare(suite, "pause", REVIEWERS, RESTAURANTS);
    String run = drill.run();
    List<Users.SignedIn> reviewers = drill.reviewers();
    List<String> restaurants = drill.restaurants();
    Analytics analytics = drill.analytics();
    Map<String, Long> deadBefore = deadLetters(analytics);
    ChildProcess consumer = suite.service(CONSUMER).process();

    // Review k: reviewer k mod 10 on restaurant k / 10, rating 1 + k mod 5; analytics-service stopped from review 10 to
    // review 60 (30 s of the load's clock).
    Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    Map<Integer, String> refused = new ConcurrentHashMap<>();
    List<Boolean> readyWhilePaused = new CopyOnWriteArrayList<>();
    AtomicBoolean paused = new AtomicBoolean();
    try {
      Drill.pace(REVIEWS, PACE, 4, Duration.ofMinutes(3), k -> {
        if (k == 10) {
          consumer.signal("STOP");
          paused.set(true);
        } else if (k == 35) {
          // Really frozen: its readiness probe does not answer (the probe's 5 s timeout).
          readyWhilePaused.add(suite.service(CONSUMER).isReady());
        } else if (k == 60) {
          consumer.signal("CONT");
          paused.set(false);
        }
        String correlationId = "systest-drill-pause-" + run + "-" + k;
        try {
          Answer review = suite.as(reviewers.get(k % REVIEWERS), "write-service").post("/api/restaurants/" + restaurants.get(k / REVIEWERS)
              + "/reviews", HttpApi.json(Map.of("rating", 1 + k % 5)), "X-Correlation-Id", correlationId);
          (review.status() == 201 ? acknowledged : refused).put(k, review.status() == 201 ? correlationId : review.status() + " " + review.body());
        } catch (RuntimeException failed) {
          refused.put(k, failed.toString());
        }
      });
    } finally {
      if (paused.get()) {
        consumer.signal("CONT");
      }
    }
    assertThat(readyWhilePaused).as("analytics-service's readiness while frozen").containsExactly(false);
    assertThat(refused).as("reviews refused while the consumer was frozen").isEmpty();
    assertThat(acknowledged).hasSize(REVIEWS);
    await(CONSUMER + " answers again").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
        .until(() -> suite.service(CONSUMER).isReady());

    for (int r = 0; r < RESTAURANTS; r++) {
      drill.assertRatingShowsEveryReview(suite, r, REVIEWERS, Duration.ofMinutes(1));
    }
    // The archive is analytics-service's own: a message it had received before the pause and got again after the
    // visibility timeout would show here as a second event of the same type.
    drill.assertEachReviewTookEffectOnce(acknowledged.values(), Duration.ofMinutes(2));
    assertThat(deadLetters(analytics)).as("dead letters").isEqualTo(deadBefore);
  }

  /** What the DLQs of analytics-service's two queues (the archive, the analytics events) and of the ratings hold. */
  private static Map<String, Long> deadLetters(Analytics analytics) {
    Map<String, Long> held = new java.util.TreeMap<>();
    for (String flow : List.of("archive", "analytics", "rating")) {
      held.put(flow, analytics.deadLetters(Suite.ENV + "-" + flow + "-dlq"));
    }
    return held;
  }
}
