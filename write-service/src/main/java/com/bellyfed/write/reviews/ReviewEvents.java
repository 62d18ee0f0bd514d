package com.bellyfed.write.reviews;

import org.jspecify.annotations.Nullable;

/** The restaurant.review.* events, as consumers receive them in the envelope's data. */
final class ReviewEvents {

  private ReviewEvents() {}

  record ReviewCreated(String reviewId, String restaurantId, String userId, int rating, @Nullable String dish) {}

  /** Carries the rating so that the aggregate can take it back out without reading the deleted review. */
  record ReviewDeleted(String reviewId, String restaurantId, String userId, int rating) {}
}
