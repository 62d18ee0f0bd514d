package com.bellyfed.query;

import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Items shaped as write-service and import-service store them (docs/data-model.md), written straight
 * into DynamoDB. Callers give each test its own city, cuisine or ids, so tests sharing the tables do
 * not see each other's items.
 */
public final class QueryFixtures {

  private final DynamoDbClient dynamoDb;
  private final Topology topology;

  public QueryFixtures(DynamoDbClient dynamoDb, Topology topology) {
    this.dynamoDb = dynamoDb;
    this.topology = topology;
  }

  /** A restaurant with reviews averaging {@code avgRating} and the index keys writers derive with TableKeys. */
  public static Map<String, AttributeValue> restaurant(
      String name, String city, String cuisine, String avgRating, int priceLevel, Instant createdAt) {
    BigDecimal rating = new BigDecimal(avgRating);
    int reviewCount = rating.signum() == 0 ? 0 : 4;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("restaurantId", s(UUID.randomUUID().toString()));
    item.put("name", s(name));
    item.put("city", s(city));
    item.put("cuisine", s(cuisine));
    item.put("address", s("1 " + name + " Street, " + city));
    item.put("geo", AttributeValue.fromM(Map.of("lat", n("5.4164"), "lon", n("100.3327"))));
    item.put("priceLevel", n(Integer.toString(priceLevel)));
    item.put("tags", AttributeValue.fromL(List.of(s("halal"), s("family"))));
    item.put("reviewCount", n(Integer.toString(reviewCount)));
    // A sum of whole ratings is whole (docs/data-model.md); the average is what the tests choose.
    item.put("ratingSum", n(rating.multiply(BigDecimal.valueOf(reviewCount)).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()));
    item.put("avgRating", n(rating.toPlainString()));
    item.put("createdAt", s(createdAt.toString()));
    item.put("updatedAt", s(createdAt.toString()));
    item.put("version", n("1"));
    item.put("allKey", s(TableKeys.ALL));
    item.put("cityKey", s(TableKeys.cityKey(city)));
    item.put("cuisineKey", s(TableKeys.cuisineKey(cuisine)));
    item.put("cityCuisineKey", s(TableKeys.cityCuisineKey(city, cuisine)));
    item.put("nameKey", s(TableKeys.nameKey(name)));
    return item;
  }

  /** The same item after an edit: a new name, version + 1, as write-service leaves it. */
  public static Map<String, AttributeValue> renamed(Map<String, AttributeValue> restaurant, String name) {
    Map<String, AttributeValue> item = new HashMap<>(restaurant);
    item.put("name", s(name));
    item.put("nameKey", s(TableKeys.nameKey(name)));
    item.put("version", n(Long.toString(Long.parseLong(restaurant.get("version").n()) + 1)));
    return item;
  }

  public static Map<String, AttributeValue> review(String restaurantId, String userId, int rating, Instant createdAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("restaurantId", s(restaurantId));
    item.put("reviewId", s(UUID.randomUUID().toString()));
    item.put("userId", s(userId));
    item.put("rating", n(Integer.toString(rating)));
    item.put("dish", s("char kway teow"));
    item.put("text", s("Rated " + rating));
    item.put("createdAt", s(createdAt.toString()));
    item.put("version", n("1"));
    return item;
  }

  public static Map<String, AttributeValue> activeUser(String userId, String displayName) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("userId", s(userId));
    item.put("email", s(userId + "@example.com"));
    item.put("userName", s("user-" + userId.substring(0, 8)));
    item.put("status", s("ACTIVE"));
    item.put("createdAt", s("2026-01-02T03:04:05Z"));
    item.put("updatedAt", s("2026-01-02T03:04:05Z"));
    item.put("version", n("3"));
    item.put("displayName", s(displayName));
    item.put("city", s("Penang"));
    item.put("bio", s("Eats everything twice."));
    item.put("avatarUrl", s("https://cdn.example.com/a.png"));
    item.put(
        "preferences",
        AttributeValue.fromM(Map.of(
            "cuisines", AttributeValue.fromL(List.of(s("Malay"), s("Thai"))),
            "dietaryRestrictions", AttributeValue.fromL(List.of(s("no pork"))),
            "priceRange", AttributeValue.fromM(Map.of("min", n("1"), "max", n("3"))))));
    return item;
  }

  public void putRestaurant(Map<String, AttributeValue> item) {
    dynamoDb.putItem(r -> r.tableName(table("restaurants")).item(item));
  }

  public void putReview(Map<String, AttributeValue> item) {
    dynamoDb.putItem(r -> r.tableName(table("reviews")).item(item));
  }

  public void putUser(Map<String, AttributeValue> item) {
    dynamoDb.putItem(r -> r.tableName(table("users")).item(item));
  }

  /** BatchWriteItem in 25s, resending what DynamoDB leaves unprocessed. */
  public void putRestaurants(List<Map<String, AttributeValue>> items) {
    String table = table("restaurants");
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(table, batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      }
    }
  }

  private String table(String logicalName) {
    return topology.table(logicalName).name();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
