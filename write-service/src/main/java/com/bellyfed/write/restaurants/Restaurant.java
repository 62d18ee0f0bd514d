package com.bellyfed.write.restaurants;

import com.bellyfed.data.restaurants.Listing;
import java.time.Instant;

/** A restaurant listing as written, at one version. The rating aggregates are the rating consumer's, not part of it. */
public record Restaurant(String restaurantId, Listing listing, Instant createdAt, Instant updatedAt, long version) {}
