package com.bellyfed.data.reviews;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.events.topology.TableKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reviews table's item layout (docs/data-model.md): every writer encodes with it, every reader decodes with it. */
public final class ReviewItems {

  public static final String TABLE = "reviews";

  /** The attribute naming the import chunk that wrote a review (docs/import-service.md). */
  public static final String IMPORT_CHUNK = "importChunk";

  public static final String USER_REVIEWS_INDEX = "user-reviews-index";
  public static final String REVIEW_ID_INDEX = "review-id-index";
  public static final String RESTAURANT_NEWEST_INDEX = "restaurant-newest-index";
  public static final String RESTAURANT_RATING_INDEX = "restaurant-rating-index";

  private ReviewItems() {}

  public static Map<String, AttributeValue> key(String restaurantId, String reviewId) {
    return Map.of("restaurantId", s(restaurantId), "reviewId", s(reviewId));
  }

  public static Map<String, AttributeValue> encode(ReviewItem review) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("restaurantId", s(review.restaurantId()));
    item.put("reviewId", s(review.reviewId()));
    item.put("userId", s(review.userId()));
    item.put("rating", n(review.rating()));
    if (review.dish() != null) {
      item.put("dish", s(review.dish()));
    }
    if (review.text() != null) {
      item.put("text", s(review.text()));
    }
    item.put("createdAt", s(TableKeys.timestamp(review.createdAt())));
    item.put("version", n(review.version()));
    if (review.importChunk() != null) {
      item.put(IMPORT_CHUNK, s(review.importChunk()));
    }
    return item;
  }

  public static ReviewItem decode(Map<String, AttributeValue> item) {
    Integer rating = Attributes.integer(item, "rating");
    Instant createdAt = Attributes.instant(item, "createdAt");
    String restaurantId = Attributes.string(item, "restaurantId");
    String reviewId = Attributes.string(item, "reviewId");
    String userId = Attributes.string(item, "userId");
    if (restaurantId == null || reviewId == null || userId == null || rating == null || createdAt == null) {
      throw new IllegalArgumentException("A review item lacks its key, userId, rating or createdAt: " + item.keySet());
    }
    return new ReviewItem(
        restaurantId,
        reviewId,
        userId,
        rating,
        Attributes.string(item, "dish"),
        Attributes.string(item, "text"),
        createdAt,
        Attributes.number(item, "version"),
        Attributes.string(item, IMPORT_CHUNK));
  }
}
