package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LoadTest;
import com.bellyfed.testing.processes.LocalAwsAccess;
import com.bellyfed.testing.processes.LocalAwsProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fault drill of issue 20: local-aws (started with {@code --data-dir}) SIGKILLed in the middle of a steady load of
 * reviews (100 in a minute) and started again 8 s later on the same port and data directory; the services are not
 * touched. While it is down write-service answers 503 problems, never a 500 or a hang; once it is back they answer
 * again by themselves. Every acknowledged review (201) is in the reviews table, once; the outbox drains (what did not
 * reach EventBridge is sent after the restart); and every acknowledged review has exactly one
 * {@code restaurant.review.created} and one {@code restaurant.rating.updated}, each restaurant the exact count and
 * average of the reviews in its table.
 *
 * <p>Exactly once holds for the reviews before the crash too: an event EventBridge had already put into an SQS queue
 * when local-aws was killed is still there after the restart (local-aws keeps SQS messages in its data directory and
 * answers a SendMessage only once the message is stored; decision 58). And for those after it: until the restarted
 * local-aws has provisioned its rules and queues it answers 503 (its StartupGate), so no event is put on a bus whose
 * rules are not back yet.
 */
@SystemTest
@LoadTest
class LocalAwsRestartDrillIntegrationTests {

  private static final int REVIEWERS = 10;
  private static final int RESTAURANTS = 10;
  private static final int REVIEWS = REVIEWERS * RESTAURANTS;
  private static final int KILL = 16;
  private static final int RESTART = 30;
  /**
   * 100 writes a minute: write-service allows 120 a minute from one address ({@code writes-per-address}), and every
   * request here comes from 127.0.0.1, restaurants and retries included.
   */
  private static final Duration PACE = Duration.ofMillis(600);
  /** Reviews started this many steps (6 s) after local-aws is ready again must all be acknowledged. */
  private static final int GRACE = 10;

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (the reviews table, the outbox's state index)
  @Test
  void everyAcknowledgedReviewSurvivesARestartOfLocalAwsAndTheServicesRecoverByThemselves(Suite suite) throws Exception {
    Drill drill = Drill.prepare(suite, "restart", REVIEWERS, RESTAURANTS);
    String run = drill.run();
    List<Users.SignedIn> reviewers = drill.reviewers();
    List<String> restaurants = drill.restaurants();
    LocalAwsAccess accessBefore = suite.localAws().access();

    // Review k: reviewer k mod 10 on restaurant k / 10, rating 1 + k mod 5; local-aws killed once reviews 0 to 15 are
    // answered, started again with review 30.
    Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    Map<Integer, String> unavailable = new ConcurrentHashMap<>();
    Map<Integer, String> unexpected = new ConcurrentHashMap<>();
    AtomicInteger started = new AtomicInteger(-1);
    AtomicInteger readyAt = new AtomicInteger(Integer.MAX_VALUE);
    AtomicReference<Duration> restartTook = new AtomicReference<>();
    AtomicReference<CompletableFuture<Void>> recovered = new AtomicReference<>();
    AtomicBoolean killed = new AtomicBoolean();
    try {
      Drill.pace(REVIEWS, PACE, 4, Duration.ofMinutes(4), k -> {
        started.accumulateAndGet(k, Math::max);
        if (k == KILL) {
          // A crash between answers, so that the reviews before it are owed: the load does not wait meanwhile.
          await("the reviews before the crash answered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
              .until(() -> IntStream.range(0, KILL).allMatch(i -> acknowledged.containsKey(i) || unavailable.containsKey(i) || unexpected.containsKey(i)));
          suite.killLocalAws();
          killed.set(true);
        } else if (k == RESTART) {
          await("the crash").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).untilTrue(killed);
          // Waited for beside the load, which goes on meanwhile.
          LocalAwsProcess restarted = suite.restartLocalAws();
          recovered.set(CompletableFuture.runAsync(() -> {
            restartTook.set(restarted.awaitReady(Duration.ofMinutes(2)));
            readyAt.set(started.get());
          }));
        }
        String correlationId = "systest-drill-restart-" + run + "-" + k;
        try {
          Answer review = suite.as(reviewers.get(k % REVIEWERS), "write-service").post("/api/restaurants/" + restaurants.get(k / REVIEWERS)
              + "/reviews", HttpApi.json(Map.of("rating", 1 + k % 5)), "X-Correlation-Id", correlationId);
          if (review.status() == 201) {
            acknowledged.put(k, correlationId);
          } else if (review.status() == 503 && review.contentType().startsWith("application/problem+json")) {
            unavailable.put(k, review.body());
          } else {
            unexpected.put(k, review.status() + " " + review.body());
          }
        } catch (RuntimeException failed) {
          unexpected.put(k, failed.toString());
        }
      });
    } finally {
      if (killed.get() && recovered.get() == null) {
        // The load failed between the crash and the restart: later tests need a local-aws.
        suite.restartLocalAws().awaitReady(Duration.ofMinutes(2));
      }
    }
    recovered.get().get(2, TimeUnit.MINUTES);
    int ready = readyAt.get();
    System.out.printf("restart drill: local-aws ready %d ms after its restart, at review %d; %d acknowledged, %d answered 503%n",
        restartTook.get().toMillis(), ready, acknowledged.size(), unavailable.size());
    assertThat(unexpected).as("answers other than 201 or a 503 problem (a 500, a hang)").isEmpty();
    assertThat(unavailable).as("reviews refused while local-aws was down").isNotEmpty();
    assertThat(acknowledged.keySet()).as("the reviews before the crash").containsAll(IntStream.range(0, KILL).boxed().toList());
    List<Integer> afterRecovery = IntStream.range(Math.min(ready + GRACE, REVIEWS), REVIEWS).boxed().toList();
    assertThat(afterRecovery).as("reviews after local-aws was back").hasSizeGreaterThanOrEqualTo(10);
    assertThat(acknowledged.keySet()).as("the reviews after local-aws was back").containsAll(afterRecovery);
    assertThat(suite.localAws().access()).as("the same user pool, client and issuer: tokens stay valid").isEqualTo(accessBefore);

    // Every acknowledged review is in the table, once; a review refused while the crash cut its answer off may be there too.
    for (int r = 0; r < RESTAURANTS; r++) {
      int index = r;
      List<String> authors = Drill.reviewAuthors(suite, restaurants.get(r));
      assertThat(new HashSet<>(authors)).as("review rows of restaurant " + r + " are one per reviewer").hasSameSizeAs(authors);
      Set<String> owed = new HashSet<>();
      acknowledged.keySet().stream().filter(k -> k / REVIEWERS == index).forEach(k -> owed.add(reviewers.get(k % REVIEWERS).sub()));
      assertThat(authors).as("restaurant " + r + " keeps every acknowledged review").containsAll(owed);
    }
    await("the outbox drained").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> suite.aws().dynamoDb()
        .query(request -> request.tableName(Suite.Clients.table("outbox")).indexName("outbox-state-index")
            .keyConditionExpression("#state = :pending").expressionAttributeNames(Map.of("#state", "state"))
            .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"))).select("COUNT"))
        .count() == 0);

    // Restaurants reviewed only after the recovery: exact counts and averages; each of those reviews took effect once.
    for (int r = (ready + GRACE + REVIEWERS - 1) / REVIEWERS; r < RESTAURANTS; r++) {
      drill.assertRatingShowsEveryReview(suite, r, REVIEWERS, Duration.ofMinutes(2));
    }
    List<String> acknowledgedAfterTheCrash = acknowledged.entrySet().stream().filter(review -> review.getKey() >= KILL).map(Map.Entry::getValue).toList();
    assertThat(acknowledgedAfterTheCrash).as("reviews acknowledged after the crash").hasSizeGreaterThanOrEqualTo(afterRecovery.size());
    // Every acknowledged review took effect exactly once, also those whose events were in an SQS queue when local-aws
    // was killed: it keeps SQS messages in its data directory (decision 58), as AWS keeps them.
    drill.assertEachReviewTookEffectOnce(acknowledged.values(), Duration.ofMinutes(2));

    // Each restaurant counts exactly the reviews in its table (one per reviewer, every acknowledged one among them; one
    // whose answer the crash cut off may be there too, and then counts as well) and shows their average.
    for (int r = 0; r < RESTAURANTS; r++) {
      String id = restaurants.get(r);
      List<String> authors = Drill.reviewAuthors(suite, id);
      long sum = 0;
      for (String author : authors) {
        int reviewer = IntStream.range(0, REVIEWERS).filter(i -> reviewers.get(i).sub().equals(author)).findFirst().orElseThrow();
        sum += 1 + (r * REVIEWERS + reviewer) % 5;
      }
      await("the rating of restaurant " + r).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
          .until(() -> suite.query().get("/api/restaurants/" + id).json().path("reviewCount").asLong() == authors.size());
      if (!authors.isEmpty()) {
        BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(authors.size()), 2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(suite.query().get("/api/restaurants/" + id).json().path("avgRating").asString()))
            .as("restaurant " + r).isEqualByComparingTo(average);
      }
    }
  }

}
