package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LoadTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fault drill of issue 20: local-aws's DynamoDB answers 30% of all requests, of every service, with its throttling
 * error for a minute, under a steady load of reviews (100 in a minute) and an import of 1,000 restaurants started
 * 10 s into it. The SDKs' retries absorb most throttles; a request the service still cannot complete is a 503 problem
 * (never a 500), and the client retries it with the same {@code Idempotency-Key}, as a client told to come back does.
 * Afterwards everything is there exactly once: the import COMPLETED with 1,000 written and listed, each restaurant has
 * one review row per reviewer, the exact count and average, one {@code restaurant.review.created} and one
 * {@code restaurant.rating.updated} per review, and the rating DLQ got nothing.
 */
@SystemTest
@LoadTest
class DynamoDbThrottleDrillIntegrationTests {

  private static final int REVIEWERS = 10;
  private static final int RESTAURANTS = 10;
  private static final int REVIEWS = REVIEWERS * RESTAURANTS;
  private static final int IMPORTED = 1_000;
  /**
   * 100 writes a minute: write-service allows 120 a minute from one address ({@code writes-per-address}), and every
   * request here comes from 127.0.0.1, restaurants and retries included.
   */
  private static final Duration PACE = Duration.ofMillis(600);

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html (ThrottlingException, HTTP 400: retry)
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html#Programming.Errors.RetryAndBackoff
  @Test
  void importsAndReviewsWrittenWhileDynamoDbThrottlesAThirdOfRequestsAreAllThereExactlyOnce(Suite suite) throws Exception {
    Drill drill = Drill.prepare(suite, "throttle", REVIEWERS, RESTAURANTS);
    String run = drill.run();
    List<Users.SignedIn> reviewers = drill.reviewers();
    List<String> restaurants = drill.restaurants();
    Analytics analytics = drill.analytics();
    long deadBefore = analytics.deadLetters(Suite.ENV + "-rating-dlq");
    HttpApi faults = suite.localAwsAdmin();
    String city = "Throttle Drill City " + run;
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < IMPORTED; i++) {
      ndjson.append(HttpApi.json(Map.of("name", "Throttle Drill " + run + " " + i, "city", city, "cuisine", "Drill",
          "address", i + " Throttle Road", "priceLevel", 1 + i % 4))).append('\n');
    }

    long injectedBefore = faults.get("/_local-aws/faults").json().path("injected").asLong();
    Answer throttle = faults.post("/_local-aws/faults", "{\"service\":\"dynamodb\",\"type\":\"THROTTLE\",\"rate\":0.3}");
    assertThat(throttle.status()).as(throttle.body()).isEqualTo(201);
    // Review k: reviewer k mod 10 on restaurant k / 10, rating 1 + k mod 5; the import starts with review 17 (10 s in).
    Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger unavailable = new AtomicInteger();
    AtomicReference<CompletableFuture<JsonNode>> importing = new AtomicReference<>();
    long injected;
    try {
      Drill.pace(REVIEWS, PACE, 4, Duration.ofMinutes(4), k -> {
        if (k == 17) {
          importing.set(CompletableFuture.supplyAsync(() -> Imports.run(suite.as(drill.admin(), "import-service"), "restaurants",
              ndjson.toString(), "systest-drill-throttle-import-" + run, Duration.ofMinutes(3))));
        }
        String correlationId = "systest-drill-throttle-" + run + "-" + k;
        Caller reviewer = suite.as(reviewers.get(k % REVIEWERS), "write-service");
        await("review " + k + " acknowledged").atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
            .until(() -> {
              Answer review = reviewer.post("/api/restaurants/" + restaurants.get(k / REVIEWERS) + "/reviews",
                  HttpApi.json(Map.of("rating", 1 + k % 5)), "X-Correlation-Id", correlationId, "Idempotency-Key", correlationId);
              if (review.status() == 503 && review.contentType().startsWith("application/problem+json")) {
                unavailable.incrementAndGet();
                return false;
              }
              assertThat(review.status()).as("review " + k + ": " + review.body()).isEqualTo(201);
              return true;
            });
        acknowledged.put(k, correlationId);
      });
      assertThat(importing.get()).as("the import started").isNotNull();
      JsonNode job = importing.get().get(3, TimeUnit.MINUTES);
      assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
      assertThat(job.path("counts").path("received").asLong()).isEqualTo(IMPORTED);
      assertThat(job.path("counts").path("written").asLong()).isEqualTo(IMPORTED);
      assertThat(job.path("counts").path("rejected").asLong()).isZero();
    } finally {
      injected = faults.get("/_local-aws/faults").json().path("injected").asLong() - injectedBefore;
      faults.delete("/_local-aws/faults?service=dynamodb");
    }
    System.out.printf("throttle drill: %d DynamoDB requests throttled, %d review requests answered 503 and retried%n", injected, unavailable.get());
    assertThat(injected).as("requests throttled").isPositive();
    assertThat(acknowledged).hasSize(REVIEWS);

    assertThat(listedIn(suite, city)).as("imported restaurants listed in " + city).isEqualTo(IMPORTED);
    for (int r = 0; r < RESTAURANTS; r++) {
      String id = restaurants.get(r);
      List<String> authors = Drill.reviewAuthors(suite, id);
      assertThat(authors).as("review rows of restaurant " + r).containsExactlyInAnyOrderElementsOf(reviewers.stream().map(Users.SignedIn::sub).toList());
      drill.assertRatingShowsEveryReview(suite, r, REVIEWERS, Duration.ofMinutes(2));
    }
    drill.assertEachReviewTookEffectOnce(acknowledged.values(), Duration.ofMinutes(1));
    assertThat(analytics.deadLetters(Suite.ENV + "-rating-dlq")).isEqualTo(deadBefore);
  }

  /** How many restaurants query-service lists in {@code city}, paging by 100; fails on a restaurant listed twice. */
  private static int listedIn(Suite suite, String city) {
    Set<String> found = new HashSet<>();
    int listed = 0;
    String cursor = null;
    do {
      Answer page = suite.query().get("/api/restaurants?city=" + HttpApi.encode(city) + "&limit=100"
          + (cursor == null ? "" : "&cursor=" + HttpApi.encode(cursor)));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode item : page.json().path("items")) {
        assertThat(found.add(item.path("restaurantId").asString())).as("listed once: " + item).isTrue();
        listed++;
      }
      JsonNode next = page.json().path("nextCursor");
      cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
    } while (cursor != null);
    return listed;
  }
}
