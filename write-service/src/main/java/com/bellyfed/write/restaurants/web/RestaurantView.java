package com.bellyfed.write.restaurants.web;

import com.bellyfed.data.restaurants.Listing;
import com.bellyfed.write.restaurants.Restaurant;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A restaurant listing as the write API answers it; its ETag is {@code version}. */
record RestaurantView(
    String restaurantId, String name, String city, String cuisine, String address,
    Listing.@Nullable Geo geo, @Nullable Integer priceLevel, List<String> tags,
    Instant createdAt, Instant updatedAt, long version) {

  static RestaurantView of(Restaurant restaurant) {
    Listing listing = restaurant.listing();
    return new RestaurantView(
        restaurant.restaurantId(), listing.name(), listing.city(), listing.cuisine(), listing.address(),
        listing.geo(), listing.priceLevel(), listing.tags(), restaurant.createdAt(), restaurant.updatedAt(), restaurant.version());
  }
}
