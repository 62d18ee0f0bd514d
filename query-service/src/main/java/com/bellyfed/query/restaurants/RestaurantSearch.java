package com.bellyfed.query.restaurants;

import com.bellyfed.events.topology.TableKeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A search over restaurants, already checked. It names the index that serves it: the scope is
 * given by which of city and cuisine are set, the order by {@code sort}.
 *
 * @param sort rating (best first), name (A to Z) or newest (newest first)
 * @param limit items per page, 1 to 100
 */
public record RestaurantSearch(
    @Nullable String city,
    @Nullable String cuisine,
    @Nullable BigDecimal minRating,
    @Nullable Integer priceLevel,
    String sort,
    int limit) {

  public static final List<String> SORTS = List.of("rating", "name", "newest");

  /** all, city, cuisine or city-cuisine. */
  String scope() {
    if (city != null && cuisine != null) {
      return "city-cuisine";
    }
    return city != null ? "city" : cuisine != null ? "cuisine" : "all";
  }

  String indexName() {
    return scope() + "-" + sort + "-index";
  }

  /** The index's partition attribute and its value for this search. */
  Map.Entry<String, AttributeValue> partition() {
    return switch (scope()) {
      case "city-cuisine" -> Map.entry("cityCuisineKey", AttributeValue.fromS(TableKeys.cityCuisineKey(city, cuisine)));
      case "city" -> Map.entry("cityKey", AttributeValue.fromS(TableKeys.cityKey(city)));
      case "cuisine" -> Map.entry("cuisineKey", AttributeValue.fromS(TableKeys.cuisineKey(cuisine)));
      default -> Map.entry("allKey", AttributeValue.fromS(TableKeys.ALL));
    };
  }

  String sortAttribute() {
    return switch (sort) {
      case "rating" -> "avgRating";
      case "name" -> "nameKey";
      default -> "createdAt";
    };
  }

  /**
   * What a cursor is bound to: the index, its partition and the filters, but not the limit, which a
   * client may change between pages without losing its place.
   */
  String listing() {
    return String.join(
        "|",
        "restaurants",
        indexName(),
        partition().getValue().s(),
        minRating == null ? "" : minRating.stripTrailingZeros().toPlainString(),
        priceLevel == null ? "" : priceLevel.toString());
  }
}
