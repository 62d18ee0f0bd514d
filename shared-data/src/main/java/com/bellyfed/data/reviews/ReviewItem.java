package com.bellyfed.data.reviews;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A review item (docs/data-model.md).
 *
 * @param importChunk {@code {jobId}:{sequence}} of the import chunk that wrote it; null when the API did
 */
public record ReviewItem(
    String restaurantId, String reviewId, String userId, int rating, @Nullable String dish, @Nullable String text,
    Instant createdAt, long version, @Nullable String importChunk) {

  /** A new review, version 1. */
  public static ReviewItem created(String restaurantId, String reviewId, ReviewContent content, Instant createdAt) {
    return new ReviewItem(
        restaurantId, reviewId, content.userId(), content.rating(), content.dish(), content.text(), createdAt, 1, null);
  }

  public ReviewItem writtenBy(String importChunk) {
    return new ReviewItem(restaurantId, reviewId, userId, rating, dish, text, createdAt, version, importChunk);
  }
}
