package com.bellyfed.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.data.restaurants.Listing;
import com.bellyfed.data.restaurants.RestaurantItem;
import com.bellyfed.data.restaurants.RestaurantItems;
import com.bellyfed.data.reviews.ReviewContent;
import com.bellyfed.data.reviews.ReviewItem;
import com.bellyfed.data.reviews.ReviewItems;
import com.bellyfed.data.users.Profile;
import com.bellyfed.data.users.UserItem;
import com.bellyfed.data.users.UserItems;
import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.junit.LocalAwsTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items as the codecs write them are found by the tables' keys and by every index that
 * docs/data-model.md names, read with plain GetItem and Query as any reader would.
 */
@LocalAwsTest
class SharedItemsIntegrationTests {

  static final Instant CREATED = Instant.parse("2026-05-06T07:08:09.010Z");

  @Test
  void aRestaurantIsInEveryScopeAndOrderIndex(DynamoDbClient dynamoDb, Topology topology) {
    String table = topology.table(RestaurantItems.TABLE).name();
    String city = "Ipoh " + UUID.randomUUID();
    Listing listing = new Listing("Kedai Kopi", city, "Cantonese", "2 Jalan Bandar", null, null, List.of("kopi"));
    RestaurantItem restaurant = RestaurantItem.created(UUID.randomUUID().toString(), listing, CREATED);
    dynamoDb.putItem(put -> put.tableName(table).item(RestaurantItems.encode(restaurant)));

    Map<String, AttributeValue> stored =
        dynamoDb.getItem(get -> get.tableName(table).key(RestaurantItems.key(restaurant.restaurantId())).consistentRead(true)).item();
    assertThat(RestaurantItems.decode(stored)).isEqualTo(restaurant);

    Map<String, AttributeValue> partitions = Map.of(
        "all", AttributeValue.fromS(TableKeys.ALL),
        "city", AttributeValue.fromS(TableKeys.cityKey(city)),
        "cuisine", AttributeValue.fromS(TableKeys.cuisineKey("Cantonese")),
        "city-cuisine", AttributeValue.fromS(TableKeys.cityCuisineKey(city, "Cantonese")));
    Map<String, String> sortKeys = Map.of(
        "rating", "avgRating", "name", "nameKey", "newest", "createdAt");
    for (var scope : partitions.entrySet()) {
      for (var order : sortKeys.entrySet()) {
        String index = scope.getKey() + "-" + order.getKey() + "-index";
        String partition = switch (scope.getKey()) {
          case "all" -> "allKey";
          case "city" -> "cityKey";
          case "cuisine" -> "cuisineKey";
          default -> "cityCuisineKey";
        };
        Map<String, AttributeValue> sortValue = Map.of(":s", stored.get(order.getValue()));
        List<Map<String, AttributeValue>> found = dynamoDb.queryPaginator(q -> q.tableName(table).indexName(index)
                .keyConditionExpression("#p = :p AND #s = :s")
                .expressionAttributeNames(Map.of("#p", partition, "#s", order.getValue()))
                .expressionAttributeValues(Map.of(":p", scope.getValue(), ":s", sortValue.get(":s"))))
            .items().stream().filter(item -> item.get("restaurantId").s().equals(restaurant.restaurantId())).toList();
        assertThat(found).as(index).hasSize(1);
      }
    }
  }

  @Test
  void aReviewIsFoundByUserByIdAndByRestaurant(DynamoDbClient dynamoDb, Topology topology) {
    String table = topology.table(ReviewItems.TABLE).name();
    String restaurantId = UUID.randomUUID().toString();
    String userId = "u-" + UUID.randomUUID();
    ReviewItem review = ReviewItem.created(restaurantId, UUID.randomUUID().toString(), new ReviewContent(userId, 4, "laksa", null), CREATED)
        .writtenBy("job:1");
    dynamoDb.putItem(put -> put.tableName(table).item(ReviewItems.encode(review)));

    assertThat(ReviewItems.decode(dynamoDb.getItem(get -> get.tableName(table)
        .key(ReviewItems.key(restaurantId, review.reviewId())).consistentRead(true)).item())).isEqualTo(review);
    assertThat(query(dynamoDb, table, ReviewItems.USER_REVIEWS_INDEX, "userId", userId, "createdAt", AttributeValue.fromS("2026-05-06T07:08:09.010Z")))
        .containsExactly(review);
    assertThat(query(dynamoDb, table, ReviewItems.REVIEW_ID_INDEX, "reviewId", review.reviewId(), null, null)).containsExactly(review);
    assertThat(query(dynamoDb, table, ReviewItems.RESTAURANT_NEWEST_INDEX, "restaurantId", restaurantId, null, null)).containsExactly(review);
    assertThat(query(dynamoDb, table, ReviewItems.RESTAURANT_RATING_INDEX, "restaurantId", restaurantId, "rating", AttributeValue.fromN("4")))
        .containsExactly(review);
  }

  @Test
  void aUserIsFoundByEmail(DynamoDbClient dynamoDb, Topology topology) {
    String table = topology.table(UserItems.TABLE).name();
    String userId = "u-" + UUID.randomUUID();
    String email = userId + "@example.com";
    UserItem user = new UserItem(userId, email, "u", UserItem.ACTIVE, new Profile("U", null, null, null), null, CREATED, CREATED, 1);
    dynamoDb.putItem(put -> put.tableName(table).item(UserItems.encode(user)));

    assertThat(UserItems.decode(dynamoDb.getItem(get -> get.tableName(table).key(UserItems.key(userId)).consistentRead(true)).item()))
        .isEqualTo(user);
    List<Map<String, AttributeValue>> byEmail = dynamoDb.query(q -> q.tableName(table).indexName(UserItems.EMAIL_INDEX)
        .keyConditionExpression("email = :e").expressionAttributeValues(Map.of(":e", AttributeValue.fromS(email)))).items();
    assertThat(byEmail).extracting(UserItems::decode).containsExactly(user);
  }

  private static List<ReviewItem> query(
      DynamoDbClient dynamoDb, String table, String index, String partition, String value, String sort, AttributeValue sortValue) {
    Map<String, String> names = sort == null ? Map.of("#p", partition) : Map.of("#p", partition, "#s", sort);
    Map<String, AttributeValue> values = sort == null
        ? Map.of(":p", AttributeValue.fromS(value)) : Map.of(":p", AttributeValue.fromS(value), ":s", sortValue);
    return dynamoDb.query(q -> q.tableName(table).indexName(index)
            .keyConditionExpression(sort == null ? "#p = :p" : "#p = :p AND #s = :s")
            .expressionAttributeNames(names).expressionAttributeValues(values)).items()
        .stream().map(ReviewItems::decode).toList();
  }

}
