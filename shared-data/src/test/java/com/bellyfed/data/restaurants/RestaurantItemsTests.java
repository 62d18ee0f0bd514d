package com.bellyfed.data.restaurants;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The restaurant item of docs/data-model.md, attribute by attribute and type by type. */
class RestaurantItemsTests {

  static final Instant CREATED = Instant.parse("2026-03-04T05:06:07Z");
  static final Instant UPDATED = Instant.parse("2026-03-05T05:06:07.120Z");

  static RestaurantItem full() {
    Listing listing = new Listing(
        "Nasi Lemak Wanjo", "Kuala Lumpur", "Malaysian", "1 Jalan Alor",
        new Listing.Geo(new BigDecimal("3.1478"), new BigDecimal("101.7086")), 2, List.of("halal", "spicy"));
    return new RestaurantItem("r-1", listing, 3, 13, new BigDecimal("4.33"), CREATED, UPDATED, 4);
  }

  @Test
  void encodesEveryDocumentedAttributeWithItsType() {
    assertThat(RestaurantItems.encode(full())).isEqualTo(Map.ofEntries(
        Map.entry("restaurantId", fromS("r-1")),
        Map.entry("name", fromS("Nasi Lemak Wanjo")),
        Map.entry("city", fromS("Kuala Lumpur")),
        Map.entry("cuisine", fromS("Malaysian")),
        Map.entry("address", fromS("1 Jalan Alor")),
        Map.entry("geo", fromM(Map.of("lat", fromN("3.1478"), "lon", fromN("101.7086")))),
        Map.entry("priceLevel", fromN("2")),
        Map.entry("tags", fromL(List.of(fromS("halal"), fromS("spicy")))),
        Map.entry("reviewCount", fromN("3")),
        Map.entry("ratingSum", fromN("13")),
        Map.entry("avgRating", fromN("4.33")),
        // Three fraction digits always, so that text order is time order.
        Map.entry("createdAt", fromS("2026-03-04T05:06:07.000Z")),
        Map.entry("updatedAt", fromS("2026-03-05T05:06:07.120Z")),
        Map.entry("version", fromN("4")),
        Map.entry("allKey", fromS("ALL")),
        Map.entry("cityKey", fromS("kuala lumpur")),
        Map.entry("cuisineKey", fromS("malaysian")),
        Map.entry("cityCuisineKey", fromS("kuala lumpur#malaysian")),
        Map.entry("nameKey", fromS("nasi lemak wanjo"))));
  }

  @Test
  void decodesWhatItEncodes() {
    assertThat(RestaurantItems.decode(RestaurantItems.encode(full()))).isEqualTo(full());
  }

  @Test
  void aNewRestaurantHasZeroAggregatesVersionOneAndNoOptionalAttributes() {
    Listing listing = new Listing(" Wanjo ", "Kuala  Lumpur", "Malaysian", "1 Jalan Alor", null, null, null);
    RestaurantItem created = RestaurantItem.created("r-2", listing, CREATED);
    Map<String, AttributeValue> item = RestaurantItems.encode(created);

    assertThat(item).doesNotContainKeys("geo", "priceLevel", "tags");
    assertThat(item).containsEntry("reviewCount", fromN("0")).containsEntry("ratingSum", fromN("0"))
        .containsEntry("avgRating", fromN("0")).containsEntry("version", fromN("1"))
        .containsEntry("updatedAt", item.get("createdAt"))
        .containsEntry("name", fromS("Wanjo")).containsEntry("cityKey", fromS("kuala lumpur"));
    assertThat(RestaurantItems.decode(item)).isEqualTo(created);
  }

  @Test
  void listingAttributesAreTheOnesAChangeSetsOrRemoves() {
    assertThat(RestaurantItems.LISTING_ATTRIBUTES).containsAll(RestaurantItems.listingAttributes(full().listing()).keySet());
    assertThat(RestaurantItems.encode(full()).keySet())
        .containsAll(RestaurantItems.LISTING_ATTRIBUTES)
        .doesNotContainAnyElementsOf(List.of("importChunk"));
  }

  @Test
  void readsAnItemAnOlderImportWroteWithoutAddress() {
    Map<String, AttributeValue> item = new java.util.HashMap<>(RestaurantItems.encode(full()));
    item.remove("address");
    assertThat(RestaurantItems.decode(item).listing().address()).isNull();
  }
}
