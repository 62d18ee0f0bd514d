package com.bellyfed.query.restaurants;

import com.bellyfed.data.restaurants.RestaurantItem;
import com.bellyfed.data.restaurants.RestaurantItems;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.query.storage.KeyedPage;
import com.bellyfed.query.storage.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads restaurants. A search is one or a few Queries on the {@code {scope}-{order}-index} that
 * fits it (docs/data-model.md): {@code minRating} is a key condition on the rating indexes and a
 * filter on the others, {@code priceLevel} a filter.
 */
@Service
public class Restaurants {

  private final Store store;
  private final Cursors cursors;
  private final String table;

  Restaurants(Store store, Cursors cursors, Topology topology) {
    this.store = store;
    this.cursors = cursors;
    this.table = topology.table(RestaurantItems.TABLE).name();
  }

  /**
   * A restaurant and its version (the ETag).
   *
   * @param version the item's optimistic-locking version, raised by every change
   */
  public record Versioned(Restaurant restaurant, long version) {}

  public Optional<Versioned> find(String restaurantId) {
    GetItemResponse response =
        store.getItem(r -> r.tableName(table).key(RestaurantItems.key(restaurantId)));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    RestaurantItem item = RestaurantItems.decode(response.item());
    return Optional.of(new Versioned(Restaurant.of(item), item.version()));
  }

  public boolean exists(String restaurantId) {
    GetItemResponse response =
        store.getItem(r -> r.tableName(table).key(RestaurantItems.key(restaurantId)).projectionExpression("restaurantId"));
    return response.hasItem() && !response.item().isEmpty();
  }

  public Page<Restaurant> search(RestaurantSearch search, @Nullable String cursor) {
    Map.Entry<String, AttributeValue> partition = search.partition();
    String sortAttribute = search.sortAttribute();
    Set<String> keyAttributes = Set.of("restaurantId", partition.getKey(), sortAttribute);
    Map<String, AttributeValue> startAfter = cursor == null ? null : cursors.decode(cursor, search.listing(), keyAttributes);

    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#p", partition.getKey());
    values.put(":p", partition.getValue());
    String keyCondition = "#p = :p";
    List<String> filters = new ArrayList<>();
    if (search.minRating() != null) {
      names.put("#r", "avgRating");
      values.put(":minRating", AttributeValue.fromN(search.minRating().toPlainString()));
      if (search.sort().equals("rating")) {
        keyCondition += " AND #r >= :minRating";
      } else {
        filters.add("#r >= :minRating");
      }
    }
    if (search.priceLevel() != null) {
      names.put("#price", "priceLevel");
      values.put(":price", AttributeValue.fromN(search.priceLevel().toString()));
      filters.add("#price = :price");
    }
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(search.indexName())
            .keyConditionExpression(keyCondition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .scanIndexForward(search.sort().equals("name"));
    if (!filters.isEmpty()) {
      query.filterExpression(String.join(" AND ", filters));
    }
    KeyedPage page = store.queryPage(query.build(), search.limit(), startAfter, keyAttributes);
    return new Page<>(
        page.items().stream().map(Restaurant::from).toList(),
        cursors.next(search.listing(), page.lastKey()));
  }
}
