package com.bellyfed.query.reviews;

import com.bellyfed.data.reviews.ReviewItem;
import com.bellyfed.data.reviews.ReviewItems;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A review as the API shows it, read with shared-data's codec. */
public record Review(
    String reviewId,
    String restaurantId,
    String userId,
    int rating,
    @Nullable String dish,
    @Nullable String text,
    Instant createdAt) {

  static Review from(Map<String, AttributeValue> item) {
    ReviewItem review = ReviewItems.decode(item);
    return new Review(
        review.reviewId(), review.restaurantId(), review.userId(), review.rating(), review.dish(), review.text(), review.createdAt());
  }
}
