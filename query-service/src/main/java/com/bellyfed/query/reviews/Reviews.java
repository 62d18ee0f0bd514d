package com.bellyfed.query.reviews;

import com.bellyfed.data.reviews.ReviewItems;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.restaurants.Restaurants;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.query.storage.KeyedPage;
import com.bellyfed.query.storage.Store;
import com.bellyfed.query.users.Profiles;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Lists reviews: of a restaurant on {@code restaurant-newest-index} or {@code
 * restaurant-rating-index}, of a user on {@code user-reviews-index}, newest or best first. An empty
 * first page asks whether the restaurant or user exists at all, so an unknown id is a 404.
 */
@Service
public class Reviews {

  public static final List<String> SORTS = List.of("newest", "rating");

  private final Store store;
  private final Cursors cursors;
  private final Restaurants restaurants;
  private final Profiles profiles;
  private final String table;

  Reviews(Store store, Cursors cursors, Restaurants restaurants, Profiles profiles, Topology topology) {
    this.store = store;
    this.cursors = cursors;
    this.restaurants = restaurants;
    this.profiles = profiles;
    this.table = topology.table(ReviewItems.TABLE).name();
  }

  /** @param sort newest or rating */
  public Page<Review> ofRestaurant(String restaurantId, String sort, int limit, @Nullable String cursor) {
    String index = sort.equals("rating") ? ReviewItems.RESTAURANT_RATING_INDEX : ReviewItems.RESTAURANT_NEWEST_INDEX;
    String sortAttribute = sort.equals("rating") ? "rating" : "createdAt";
    Page<Review> page = list(index, "restaurantId", restaurantId, sortAttribute, limit, cursor);
    if (cursor == null && page.items().isEmpty() && !restaurants.exists(restaurantId)) {
      throw new NotFoundException("No restaurant with id " + restaurantId);
    }
    return page;
  }

  public Page<Review> ofUser(String userId, int limit, @Nullable String cursor) {
    Page<Review> page = list(ReviewItems.USER_REVIEWS_INDEX, "userId", userId, "createdAt", limit, cursor);
    if (cursor == null && page.items().isEmpty() && !profiles.exists(userId)) {
      throw new NotFoundException("No user with id " + userId);
    }
    return page;
  }

  private Page<Review> list(
      String index, String partitionAttribute, String partitionValue, String sortAttribute, int limit, @Nullable String cursor) {
    String listing = String.join("|", "reviews", index, partitionValue);
    // The base table's key (restaurantId, reviewId) plus the index's key place an item in the index.
    Set<String> keyAttributes = new HashSet<>(List.of("restaurantId", "reviewId", partitionAttribute, sortAttribute));
    Map<String, AttributeValue> startAfter = cursor == null ? null : cursors.decode(cursor, listing, keyAttributes);
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(index)
            .keyConditionExpression("#p = :p")
            .expressionAttributeNames(Map.of("#p", partitionAttribute))
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partitionValue)))
            .scanIndexForward(false)
            .build();
    KeyedPage page = store.queryPage(query, limit, startAfter, keyAttributes);
    return new Page<>(
        page.items().stream().map(Review::from).toList(),
        cursors.next(listing, page.lastKey()));
  }
}
