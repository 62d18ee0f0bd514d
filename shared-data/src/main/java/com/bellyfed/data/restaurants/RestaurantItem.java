package com.bellyfed.data.restaurants;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A restaurant item (docs/data-model.md) without its index keys, which {@link RestaurantItems}
 * derives from the listing.
 *
 * @param reviewCount kept by write-service's rating consumer, like {@code ratingSum} and {@code avgRating}
 * @param avgRating {@code ratingSum / reviewCount} to 2 decimals; 0 while there is no review
 * @param version 1 on create, +1 on every change (the ETag)
 */
public record RestaurantItem(
    String restaurantId, Listing listing, long reviewCount, long ratingSum, BigDecimal avgRating,
    Instant createdAt, Instant updatedAt, long version) {

  /** A new restaurant: no reviews yet, version 1, updated when created. */
  public static RestaurantItem created(String restaurantId, Listing listing, Instant createdAt) {
    return new RestaurantItem(restaurantId, listing, 0, 0, BigDecimal.ZERO, createdAt, createdAt, 1);
  }
}
