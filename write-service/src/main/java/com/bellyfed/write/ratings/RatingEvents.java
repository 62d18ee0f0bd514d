package com.bellyfed.write.ratings;

import java.math.BigDecimal;

/** The narrow records this consumer reads from review events, and the event it publishes. */
public final class RatingEvents {

  private RatingEvents() {}

  /** From restaurant.review.created. */
  public record ReviewCreated(String reviewId, String restaurantId, int rating) {}

  /** From restaurant.review.deleted. */
  public record ReviewDeleted(String reviewId, String restaurantId, int rating) {}

  /** restaurant.rating.updated. */
  record RatingUpdated(String restaurantId, long reviewCount, long ratingSum, BigDecimal avgRating) {}
}
