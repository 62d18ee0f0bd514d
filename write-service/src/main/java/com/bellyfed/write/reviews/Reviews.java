package com.bellyfed.write.reviews;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.data.restaurants.RestaurantItems;
import com.bellyfed.data.reviews.ReviewContent;
import com.bellyfed.data.reviews.ReviewItem;
import com.bellyfed.data.reviews.ReviewItems;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.write.reviews.ReviewEvents.ReviewCreated;
import com.bellyfed.write.reviews.ReviewEvents.ReviewDeleted;
import com.bellyfed.write.writing.CommitConflict;
import com.bellyfed.write.writing.DomainWrites;
import com.bellyfed.write.writing.Items;
import com.bellyfed.write.writing.WriteRejected;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes review items (docs/data-model.md) with their restaurant.review.* events in the same
 * transaction; the rating consumer turns those events into the restaurant's aggregates.
 */
@Service
public class Reviews {

  private static final String WHAT = "Review";

  private final DynamoDbClient dynamoDb;
  private final DomainWrites writes;
  private final String reviews;
  private final String restaurants;
  private final Clock clock = Items.CLOCK;

  Reviews(DynamoDbClient dynamoDb, DomainWrites writes, Topology topology) {
    this.dynamoDb = dynamoDb;
    this.writes = writes;
    this.reviews = topology.table(ReviewItems.TABLE).name();
    this.restaurants = topology.table(RestaurantItems.TABLE).name();
  }

  /** Creates a review of an existing restaurant (the restaurant's existence is a condition of the same transaction). */
  public Review create(String restaurantId, ReviewContent content, Function<Review, List<TransactWriteItem>> alsoCommit) {
    ReviewItem written = ReviewItem.created(restaurantId, UUID.randomUUID().toString(), content, clock.instant());
    Review review = new Review(
        written.reviewId(), restaurantId, written.userId(), written.rating(), written.dish(), written.text(), written.createdAt(), 1);
    Map<String, AttributeValue> item = ReviewItems.encode(written);
    String userId = written.userId();
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(TransactWriteItem.builder()
        .conditionCheck(check -> check.tableName(restaurants).key(RestaurantItems.key(restaurantId))
            .conditionExpression("attribute_exists(restaurantId)"))
        .build());
    items.add(TransactWriteItem.builder()
        .put(put -> put.tableName(reviews).item(item).conditionExpression("attribute_not_exists(reviewId)"))
        .build());
    items.addAll(alsoCommit.apply(review));
    try {
      writes.commit(items, List.of(writes.event(
          "restaurant.review.created", new ReviewCreated(review.reviewId(), restaurantId, userId, review.rating(), review.dish()), 1, userId)));
    } catch (CommitConflict conflict) {
      if (conflict.conditionFailedAt(0)) {
        throw WriteRejected.notFound("Restaurant", restaurantId);
      }
      throw conflict;
    }
    return review;
  }

  /**
   * Deletes a review; with {@code expected}, only if it is still at that version.
   *
   * @param mayDelete given the review's author, throws when the caller may not delete it
   */
  public void delete(String reviewId, OptionalLong expected, Consumer<String> mayDelete) {
    ReviewItem review = find(reviewId);
    mayDelete.accept(review.userId());
    long version = review.version();
    if (expected.isPresent() && expected.getAsLong() != version) {
      throw WriteRejected.versionMoved(WHAT, reviewId, expected.getAsLong(), version);
    }
    String restaurantId = review.restaurantId();
    String userId = review.userId();
    TransactWriteItem delete = TransactWriteItem.builder()
        .delete(d -> d.tableName(reviews).key(key(restaurantId, reviewId))
            .conditionExpression("#version = :current")
            .expressionAttributeNames(Map.of("#version", "version"))
            .expressionAttributeValues(Map.of(":current", n(version))))
        .build();
    try {
      writes.commit(List.of(delete), List.of(writes.event(
          "restaurant.review.deleted",
          new ReviewDeleted(reviewId, restaurantId, userId, review.rating()),
          version + 1,
          userId)));
    } catch (CommitConflict conflict) {
      // Deleted or changed by another request since we read it.
      throw expected.isPresent() ? WriteRejected.versionMovedOnMissing(WHAT, reviewId) : WriteRejected.notFound(WHAT, reviewId);
    }
  }

  /** The review by its id alone: the review-id-index gives its restaurant, the table then a consistent read. */
  private ReviewItem find(String reviewId) {
    List<Map<String, AttributeValue>> found = dynamoDb.query(q -> q.tableName(reviews).indexName(ReviewItems.REVIEW_ID_INDEX)
        .keyConditionExpression("reviewId = :id").expressionAttributeValues(Map.of(":id", s(reviewId))).limit(1)).items();
    if (found.isEmpty()) {
      throw WriteRejected.notFound(WHAT, reviewId);
    }
    String restaurantId = Attributes.string(found.get(0), "restaurantId");
    Map<String, AttributeValue> item =
        dynamoDb.getItem(g -> g.tableName(reviews).key(key(restaurantId, reviewId)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      throw WriteRejected.notFound(WHAT, reviewId);
    }
    return ReviewItems.decode(item);
  }

  private static Map<String, AttributeValue> key(String restaurantId, String reviewId) {
    return ReviewItems.key(restaurantId, reviewId);
  }
}
