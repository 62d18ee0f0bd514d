package com.bellyfed.data.restaurants;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.events.topology.TableKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The restaurants table's item layout (docs/data-model.md), in one place: every writer encodes
 * with it, every reader decodes with it.
 */
public final class RestaurantItems {

  /** The table's logical name in the topology. */
  public static final String TABLE = "restaurants";

  public static final String KEY = "restaurantId";

  /**
   * The attributes a change of the listing sets or removes: the listing's own and the index keys
   * derived from it. The rating aggregates, {@code createdAt} and {@code allKey} stay.
   */
  public static final List<String> LISTING_ATTRIBUTES = List.of(
      "name", "city", "cuisine", "address", "geo", "priceLevel", "tags", "cityKey", "cuisineKey", "cityCuisineKey", "nameKey");

  private RestaurantItems() {}

  public static Map<String, AttributeValue> key(String restaurantId) {
    return Map.of(KEY, s(restaurantId));
  }

  public static Map<String, AttributeValue> encode(RestaurantItem restaurant) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(KEY, s(restaurant.restaurantId()));
    item.putAll(listingAttributes(restaurant.listing()));
    item.put("reviewCount", n(restaurant.reviewCount()));
    item.put("ratingSum", n(restaurant.ratingSum()));
    item.put("avgRating", n(restaurant.avgRating()));
    item.put("createdAt", s(TableKeys.timestamp(restaurant.createdAt())));
    item.put("updatedAt", s(TableKeys.timestamp(restaurant.updatedAt())));
    item.put("version", n(restaurant.version()));
    item.put("allKey", s(TableKeys.ALL));
    return item;
  }

  /**
   * The listing's attributes and the index keys derived from it; the optional ones ({@code geo},
   * {@code priceLevel}, {@code tags}) absent when null or empty. Each name is one of {@link #LISTING_ATTRIBUTES}.
   */
  public static Map<String, AttributeValue> listingAttributes(Listing listing) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("name", s(listing.name()));
    item.put("city", s(listing.city()));
    item.put("cuisine", s(listing.cuisine()));
    item.put("address", s(listing.address()));
    if (listing.geo() != null) {
      item.put("geo", AttributeValue.fromM(Map.of("lat", n(listing.geo().lat()), "lon", n(listing.geo().lon()))));
    }
    if (listing.priceLevel() != null) {
      item.put("priceLevel", n(listing.priceLevel()));
    }
    if (!listing.tags().isEmpty()) {
      item.put("tags", Attributes.strings(listing.tags()));
    }
    item.put("cityKey", s(TableKeys.cityKey(listing.city())));
    item.put("cuisineKey", s(TableKeys.cuisineKey(listing.cuisine())));
    item.put("cityCuisineKey", s(TableKeys.cityCuisineKey(listing.city(), listing.cuisine())));
    item.put("nameKey", s(TableKeys.nameKey(listing.name())));
    return item;
  }

  /**
   * The item as stored. Leniently: an attribute that an older writer left out (an imported
   * restaurant without address) reads as null rather than failing the read.
   */
  public static RestaurantItem decode(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> geo = Attributes.map(item, "geo");
    BigDecimal lat = geo == null ? null : Attributes.decimal(geo, "lat");
    BigDecimal lon = geo == null ? null : Attributes.decimal(geo, "lon");
    Listing listing = new Listing(
        Attributes.string(item, "name"),
        Attributes.string(item, "city"),
        Attributes.string(item, "cuisine"),
        Attributes.string(item, "address"),
        lat == null || lon == null ? null : new Listing.Geo(lat, lon),
        Attributes.integer(item, "priceLevel"),
        Attributes.stringList(item, "tags"));
    BigDecimal avgRating = Attributes.decimal(item, "avgRating");
    Instant createdAt = required(Attributes.instant(item, "createdAt"), "createdAt", item);
    Instant updatedAt = Attributes.instant(item, "updatedAt");
    return new RestaurantItem(
        required(Attributes.string(item, KEY), KEY, item),
        listing,
        Attributes.number(item, "reviewCount"),
        Attributes.number(item, "ratingSum"),
        avgRating == null ? BigDecimal.ZERO : avgRating,
        createdAt,
        updatedAt == null ? createdAt : updatedAt,
        Attributes.number(item, "version"));
  }

  private static <T> T required(T value, String name, Map<String, AttributeValue> item) {
    if (value == null) {
      throw new IllegalArgumentException("A restaurant item lacks " + name + ": " + item.keySet());
    }
    return value;
  }
}
