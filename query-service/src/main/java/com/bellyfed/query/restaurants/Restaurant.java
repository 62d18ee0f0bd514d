package com.bellyfed.query.restaurants;

import com.bellyfed.data.restaurants.Listing;
import com.bellyfed.data.restaurants.RestaurantItem;
import com.bellyfed.data.restaurants.RestaurantItems;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A restaurant as the API shows it: the item of docs/data-model.md, read with shared-data's codec,
 * without its index keys and version (the ETag).
 *
 * @param address null only on restaurants imported before it was required
 * @param avgRating 0 while it has no reviews
 */
public record Restaurant(
    String restaurantId,
    @Nullable String name,
    @Nullable String city,
    @Nullable String cuisine,
    @Nullable String address,
    Listing.@Nullable Geo geo,
    @Nullable Integer priceLevel,
    List<String> tags,
    BigDecimal avgRating,
    long reviewCount,
    Instant createdAt,
    Instant updatedAt) {

  static Restaurant from(Map<String, AttributeValue> item) {
    return of(RestaurantItems.decode(item));
  }

  static Restaurant of(RestaurantItem item) {
    Listing listing = item.listing();
    return new Restaurant(
        item.restaurantId(), listing.name(), listing.city(), listing.cuisine(), listing.address(), listing.geo(),
        listing.priceLevel(), listing.tags(), item.avgRating(), item.reviewCount(), item.createdAt(), item.updatedAt());
  }
}
