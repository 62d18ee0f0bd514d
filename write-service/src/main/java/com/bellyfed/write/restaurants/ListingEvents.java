package com.bellyfed.write.restaurants;

import com.bellyfed.data.restaurants.Listing.Geo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The restaurant.listing.* events, as consumers receive them in the envelope's data. */
final class ListingEvents {

  private ListingEvents() {}

  record ListingCreated(
      String restaurantId, String name, String city, String cuisine, String address,
      @Nullable Geo geo, @Nullable Integer priceLevel, List<String> tags, long version) {}

  record ListingUpdated(
      String restaurantId, String name, String city, String cuisine, String address,
      @Nullable Geo geo, @Nullable Integer priceLevel, List<String> tags, long version) {}

  record ListingDeleted(String restaurantId, long version) {}
}
