package com.bellyfed.imports.jobs;

import com.bellyfed.data.reviews.ReviewItem;
import com.bellyfed.data.reviews.ReviewItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code restaurant.reviews.imported}: what one chunk of reviews added to each restaurant's
 * reviews, for write-service's rating aggregate. Committed with the chunk's counts, so it goes out
 * once per chunk however often the chunk is delivered.
 */
final class ImportedRatings {

  static final String EVENT_TYPE = "restaurant.reviews.imported";

  /**
   * Restaurants per event. A restaurant id is at most 100 characters, so an entry is under 160
   * bytes of JSON and 1,000 of them stay well below EventBridge's 256 KB per event.
   */
  static final int RESTAURANTS_PER_EVENT = 1_000;

  /** The event's data. */
  record ReviewsImported(String jobId, String chunkId, int part, int parts, List<RestaurantReviews> restaurants) {}

  /** The reviews a chunk wrote for one restaurant: how many, and the sum of their ratings. */
  record RestaurantReviews(String restaurantId, long reviews, long ratingSum) {}

  private ImportedRatings() {}

  /** The events for the review items a chunk wrote; none when it wrote none. */
  static List<ReviewsImported> of(String jobId, String chunkId, List<Map<String, AttributeValue>> writtenReviews) {
    Map<String, long[]> totals = new TreeMap<>();
    for (Map<String, AttributeValue> item : writtenReviews) {
      ReviewItem review = ReviewItems.decode(item);
      long[] total = totals.computeIfAbsent(review.restaurantId(), id -> new long[2]);
      total[0]++;
      total[1] += review.rating();
    }
    List<RestaurantReviews> restaurants = totals.entrySet().stream()
        .map(entry -> new RestaurantReviews(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
        .toList();
    int parts = (restaurants.size() + RESTAURANTS_PER_EVENT - 1) / RESTAURANTS_PER_EVENT;
    List<ReviewsImported> events = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      events.add(new ReviewsImported(jobId, chunkId, part + 1, parts,
          restaurants.subList(part * RESTAURANTS_PER_EVENT, Math.min(restaurants.size(), (part + 1) * RESTAURANTS_PER_EVENT))));
    }
    return events;
  }
}
