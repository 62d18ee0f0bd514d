package com.bellyfed.write.ratings;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.write.ratings.RatingEvents.ImportedReviews;
import com.bellyfed.write.ratings.RatingEvents.RatingUpdated;
import com.bellyfed.write.ratings.RatingEvents.ReviewCreated;
import com.bellyfed.write.ratings.RatingEvents.ReviewDeleted;
import com.bellyfed.write.ratings.RatingEvents.ReviewsImported;
import com.bellyfed.write.writing.CommitConflict;
import com.bellyfed.write.writing.DomainWrites;
import com.bellyfed.write.writing.WriteAnalytics;
import com.bellyfed.kit.resilience.Attempts;
import com.bellyfed.kit.resilience.TryAgain;
import io.github.resilience4j.retry.Retry;
import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Keeps a restaurant's {@code reviewCount}, {@code ratingSum} and {@code avgRating} from review
 * events (one review each, or an import chunk's per-restaurant totals), exactly once: the new
 * values, the idempotency guard's record of the event and the
 * outbox row of {@code restaurant.rating.updated} commit in one transaction, conditional on the
 * aggregates still being what we read (compare-and-set, retried with jitter when concurrent
 * reviews of the same restaurant race). A duplicate fails the guard's condition and changes
 * nothing. The aggregates do not bump the listing's {@code version} (see docs/write-service.md).
 */
@Service
public class RatingAggregator {

  public static final String CONSUMER = "rating-aggregator";

  private final DynamoDbClient dynamoDb;
  private final DomainWrites writes;
  private final IdempotencyGuard guard;
  private final WriteAnalytics analytics;
  private final String table;
  private final Retry retry;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter retries;
  private final Counter orphans;

  RatingAggregator(
      DynamoDbClient dynamoDb, DomainWrites writes, IdempotencyGuard guard, WriteAnalytics analytics, Topology topology,
      RetryRegistry retryRegistry, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.writes = writes;
    this.guard = guard;
    this.analytics = analytics;
    this.table = topology.table("restaurants").name();
    // Jittered waits growing to 50 ms, so that racing consumers of one restaurant spread out.
    this.retry = Declared.retry(retryRegistry, "ratings");
    this.applied = Counter.builder("bellyfed.write.ratings").tag("outcome", "applied").register(registry);
    this.duplicates = Counter.builder("bellyfed.write.ratings").tag("outcome", "duplicate").register(registry);
    this.retries = Counter.builder("bellyfed.write.ratings.retries").description("Compare-and-set retries on hot restaurants").register(registry);
    this.orphans = Counter.builder("bellyfed.write.ratings").tag("outcome", "restaurant-gone").register(registry);
  }

  public void on(ReviewCreated created, String eventId) {
    apply(created.restaurantId(), 1, created.rating(), eventId);
  }

  public void on(ReviewDeleted deleted, String eventId) {
    apply(deleted.restaurantId(), -1, -deleted.rating(), eventId);
  }

  /**
   * Adds each restaurant's share of an imported chunk, one compare-and-set transaction per
   * restaurant. The guard records {@code eventId/restaurantId}, so a redelivery after a partial
   * run skips the restaurants already done and applies the rest.
   */
  public void on(ReviewsImported imported, String eventId) {
    for (ImportedReviews restaurant : imported.restaurants()) {
      apply(restaurant.restaurantId(), restaurant.reviews(), restaurant.ratingSum(), eventId + "/" + restaurant.restaurantId());
    }
  }

  /** Counts a duplicate the consumer caught before the handler ran. */
  public void duplicate() {
    duplicates.increment();
  }

  static BigDecimal average(long sum, long count) {
    // Out-of-order delivery (a deletion before its creation) can make the count briefly negative.
    return count <= 0 ? BigDecimal.ZERO : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }

  private void apply(String restaurantId, long countDelta, long sumDelta, String eventId) {
    long started = System.nanoTime();
    // Lost compare-and-sets read and try again: resilience4j.retry.instances.ratings.
    Attempts.run(retry, attempt -> {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(Map.of("restaurantId", s(restaurantId)))
          .consistentRead(true).projectionExpression("restaurantId, reviewCount, ratingSum")).item();
      if (item == null || item.isEmpty()) {
        // The restaurant was deleted: nothing to aggregate; the consumer records the event as handled.
        orphans.increment();
        return;
      }
      long count = Attributes.number(item, "reviewCount");
      long sum = Attributes.number(item, "ratingSum");
      long newCount = count + countDelta;
      long newSum = sum + sumDelta;
      BigDecimal average = average(newSum, newCount);
      TransactWriteItem update = TransactWriteItem.builder()
          .update(u -> u.tableName(table).key(Map.of("restaurantId", s(restaurantId)))
              .updateExpression("SET reviewCount = :count, ratingSum = :sum, avgRating = :avg")
              .conditionExpression("attribute_exists(restaurantId) AND reviewCount = :oldCount AND ratingSum = :oldSum")
              .expressionAttributeValues(Map.of(
                  ":count", n(newCount), ":sum", n(newSum), ":avg", n(average),
                  ":oldCount", n(count), ":oldSum", n(sum))))
          .build();
      try {
        writes.commit(
            List.of(update, guard.transactItem(CONSUMER, eventId)),
            List.of(writes.event("restaurant.rating.updated", new RatingUpdated(restaurantId, newCount, newSum, average), 0, null)));
        applied.increment();
        analytics.record("RATING", Category.SYSTEM_EVENT, true, Duration.ofNanos(System.nanoTime() - started),
            Map.of("operation", "aggregate", "attempts", attempt));
        return;
      } catch (CommitConflict conflict) {
        if (conflict.conditionFailedAt(1)) {
          duplicates.increment();
          return;
        }
        if (attempt < retry.getRetryConfig().getMaxAttempts()) {
          retries.increment();
        }
        throw new TryAgain(conflict);
      }
    });
  }
}
