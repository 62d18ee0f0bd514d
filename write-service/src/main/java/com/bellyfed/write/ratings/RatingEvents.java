package com.bellyfed.write.ratings;

import java.math.BigDecimal;
import java.util.List;

/** The narrow records this consumer reads from review events, and the event it publishes. */
public final class RatingEvents {

  private RatingEvents() {}

  /** From restaurant.review.created. */
  public record ReviewCreated(String reviewId, String restaurantId, int rating) {}

  /** From restaurant.review.deleted. */
  public record ReviewDeleted(String reviewId, String restaurantId, int rating) {}

  /** From restaurant.reviews.imported: what one import chunk added to each restaurant's reviews. */
  public record ReviewsImported(String jobId, String chunkId, List<ImportedReviews> restaurants) {}

  /** The reviews a chunk wrote for one restaurant: how many, and the sum of their ratings. */
  public record ImportedReviews(String restaurantId, long reviews, long ratingSum) {}

  /** restaurant.rating.updated. */
  record RatingUpdated(String restaurantId, long reviewCount, long ratingSum, BigDecimal avgRating) {}
}
