package com.bellyfed.imports.records;

import com.bellyfed.data.restaurants.Listing;
import com.bellyfed.data.restaurants.RestaurantItem;
import com.bellyfed.data.restaurants.RestaurantItems;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A restaurant to import, flat as a CSV row. Its listing's rules are shared-data's {@link Listing}
 * (the write API's): name, city, cuisine and address required, price level 1-4 when given,
 * coordinates in range, at most 20 tags. Here only what a flat record adds: a UUID if an id is
 * given, and coordinates given together.
 */
public record RestaurantRecord(
    @Nullable @Pattern(regexp = Patterns.UUID, message = "must be a UUID") String restaurantId,
    @Nullable String name,
    @Nullable String city,
    @Nullable String cuisine,
    @Nullable String address,
    @Nullable Integer priceLevel,
    @Nullable Double lat,
    @Nullable Double lon,
    @Nullable List<String> tags,
    @Nullable Instant createdAt)
    implements ImportRecord {

  /** The CSV columns, in the order the generator writes them. */
  public static final List<String> COLUMNS =
      List.of("restaurantId", "name", "city", "cuisine", "address", "priceLevel", "lat", "lon", "tags", "createdAt");

  @AssertTrue(message = "lat and lon must be given together")
  boolean isGeoComplete() {
    return (lat == null) == (lon == null);
  }

  /** NaN and the infinities (1e1000000 reads as one) are numbers to Java but no place on Earth. */
  @AssertTrue(message = "lat and lon must be finite numbers")
  boolean isGeoFinite() {
    return (lat == null || Double.isFinite(lat)) && (lon == null || Double.isFinite(lon));
  }

  @Override
  public RestaurantRecord prepared(Instant now) {
    return new RestaurantRecord(
        restaurantId != null ? restaurantId : UUID.randomUUID().toString(),
        name, city, cuisine, address, priceLevel, lat, lon, tags, createdAt != null ? createdAt : now);
  }

  @Override
  public Listing shared() {
    return new Listing(
        name, city, cuisine, address,
        lat == null || lon == null || !isGeoFinite() ? null : new Listing.Geo(BigDecimal.valueOf(lat), BigDecimal.valueOf(lon)),
        priceLevel, tags);
  }

  @Override
  public Map<String, AttributeValue> toItem() {
    return RestaurantItems.encode(RestaurantItem.created(String.valueOf(restaurantId), shared(), createdAtOrFail(createdAt)));
  }

  static Instant createdAtOrFail(@Nullable Instant createdAt) {
    if (createdAt == null) {
      throw new IllegalStateException("A record is written only once prepared");
    }
    return createdAt;
  }
}
