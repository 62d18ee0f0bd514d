package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * What a fault drill starts from and ends with: an admin, signed-up reviewers and restaurants of a run of its own;
 * the steady load it runs its fault under; and the check that each acknowledged review's events took effect exactly once.
 */
record Drill(String run, Users.SignedIn admin, List<Users.SignedIn> reviewers, List<String> restaurants, Analytics analytics) {

  /** {@code reviewers} new users and {@code restaurants} new restaurants, named after {@code name} and a fresh run id. */
  static Drill prepare(Suite suite, String name, int reviewers, int restaurants) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Users.SignedIn admin = suite.users().admin("drill-" + name + "-admin-" + run);
    List<Users.SignedIn> users = new ArrayList<>();
    for (int i = 0; i < reviewers; i++) {
      users.add(suite.users().signUp("drill-" + name + "-" + i + "-" + run, "drill-" + name + "-" + i + "-" + run + "@example.com"));
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < restaurants; i++) {
      ids.add(Restaurants.create(suite, admin, "Drill " + name + " " + i + " " + run));
    }
    return new Drill(run, admin, List.copyOf(users), List.copyOf(ids), new Analytics(suite, admin));
  }

  /** Each request's chain holds exactly one {@code restaurant.review.created} and one {@code restaurant.rating.updated}. */
  void assertEachReviewTookEffectOnce(Collection<String> correlationIds, Duration wait) {
    for (String correlationId : correlationIds) {
      JsonNode chain = analytics.chain(correlationId, events -> ReviewIntegrationTests.types(events).contains("restaurant.rating.updated"), wait);
      List<String> types = ReviewIntegrationTests.types(Analytics.events(chain));
      assertThat(types.stream().filter("restaurant.review.created"::equals).count()).as(chain.toString()).isEqualTo(1);
      assertThat(types.stream().filter("restaurant.rating.updated"::equals).count()).as(chain.toString()).isEqualTo(1);
    }
  }

  /**
   * A steady load: {@code step} for k = 0 .. {@code steps - 1}, step k started {@code k × interval} after the first, on
   * up to {@code threads} threads, whatever the system under the fault does: a step that hangs or waits holds only its
   * own thread, not the schedule (a fixed-rate schedule would run the steps one after the other and hold them all back).
   * A step handles what it expects to fail; anything else it throws fails the load once all steps ran. Fails when the
   * steps do not end within {@code timeout}.
   */
  static void pace(int steps, Duration interval, int threads, Duration timeout, IntConsumer step) throws InterruptedException {
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(steps);
    ScheduledExecutorService load = Executors.newScheduledThreadPool(threads);
    try {
      for (int k = 0; k < steps; k++) {
        int index = k;
        load.schedule(() -> {
          try {
            step.accept(index);
          } catch (RuntimeException | Error failed) {
            unexpected.compareAndSet(null, failed);
          } finally {
            done.countDown();
          }
        }, k * interval.toMillis(), TimeUnit.MILLISECONDS);
      }
      assertThat(done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("the load of " + steps + " steps finished within " + timeout).isTrue();
    } finally {
      load.shutdownNow();
    }
    if (unexpected.get() != null) {
      throw new AssertionError("a step of the load failed", unexpected.get());
    }
  }

  /**
   * Restaurant {@code r} of the drill counts exactly {@code reviewers} reviews and shows their average: the drills'
   * review k rates restaurant k / reviewers with 1 + k % 5.
   */
  void assertRatingShowsEveryReview(Suite suite, int r, int reviewers, Duration wait) {
    String id = restaurants.get(r);
    long sum = 0;
    for (int k = r * reviewers; k < (r + 1) * reviewers; k++) {
      sum += 1 + k % 5;
    }
    BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviewers), 2, RoundingMode.HALF_UP);
    await("the rating of restaurant " + r).atMost(wait).pollInterval(Duration.ofMillis(500))
        .until(() -> suite.query().get("/api/restaurants/" + id).json().path("reviewCount").asLong() == reviewers);
    JsonNode restaurant = suite.query().get("/api/restaurants/" + id).json();
    assertThat(new BigDecimal(restaurant.path("avgRating").asString())).as("restaurant " + r).isEqualByComparingTo(average);
  }

  /** The users with a review row for the restaurant, from the reviews table itself (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html). */
  static List<String> reviewAuthors(Suite suite, String restaurantId) {
    List<String> authors = new ArrayList<>();
    suite.aws().dynamoDb().queryPaginator(request -> request.tableName(Suite.Clients.table("reviews"))
            .keyConditionExpression("restaurantId = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromS(restaurantId))))
        .items().forEach(item -> authors.add(item.get("userId").s()));
    return authors;
  }
}
