package com.bellyfed.query.restaurants;

import com.bellyfed.query.storage.Items;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A restaurant as the API shows it: the item of docs/data-model.md without its index keys.
 *
 * @param avgRating 0 while it has no reviews
 */
public record Restaurant(
    String restaurantId,
    @Nullable String name,
    @Nullable String city,
    @Nullable String cuisine,
    @Nullable String address,
    @Nullable Geo geo,
    @Nullable Integer priceLevel,
    List<String> tags,
    BigDecimal avgRating,
    long reviewCount,
    @Nullable String createdAt,
    @Nullable String updatedAt) {

  /** A position in degrees. */
  public record Geo(@Nullable BigDecimal lat, @Nullable BigDecimal lon) {}

  static Restaurant from(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> geo = Items.map(item, "geo");
    BigDecimal rating = Items.number(item, "avgRating");
    return new Restaurant(
        String.valueOf(Items.string(item, "restaurantId")),
        Items.string(item, "name"),
        Items.string(item, "city"),
        Items.string(item, "cuisine"),
        Items.string(item, "address"),
        geo == null ? null : new Geo(Items.number(geo, "lat"), Items.number(geo, "lon")),
        Items.integer(item, "priceLevel"),
        Items.strings(item, "tags"),
        rating == null ? BigDecimal.ZERO : rating,
        Items.longOr(item, "reviewCount", 0),
        Items.string(item, "createdAt"),
        Items.string(item, "updatedAt"));
  }
}
