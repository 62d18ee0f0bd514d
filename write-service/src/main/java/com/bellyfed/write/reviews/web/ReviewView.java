package com.bellyfed.write.reviews.web;

import com.bellyfed.write.reviews.Review;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A review as the write API answers it; its ETag is {@code version}. */
record ReviewView(
    String reviewId, String restaurantId, String userId, int rating, @Nullable String dish, @Nullable String text,
    Instant createdAt, long version) {

  static ReviewView of(Review review) {
    return new ReviewView(
        review.reviewId(), review.restaurantId(), review.userId(), review.rating(), review.dish(), review.text(),
        review.createdAt(), review.version());
  }
}
