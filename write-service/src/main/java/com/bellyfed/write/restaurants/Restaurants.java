package com.bellyfed.write.restaurants;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.data.restaurants.Listing;
import com.bellyfed.data.restaurants.RestaurantItem;
import com.bellyfed.data.restaurants.RestaurantItems;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.write.restaurants.ListingEvents.ListingCreated;
import com.bellyfed.write.restaurants.ListingEvents.ListingDeleted;
import com.bellyfed.write.restaurants.ListingEvents.ListingUpdated;
import com.bellyfed.write.writing.CommitConflict;
import com.bellyfed.write.writing.DomainWrites;
import com.bellyfed.write.writing.Items;
import com.bellyfed.write.writing.WriteRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes restaurant items in the layout of {@link RestaurantItems} (docs/data-model.md), each with its restaurant.listing.* event in the same
 * transaction. A replacement touches the listing's attributes only, never the rating aggregates,
 * which the rating consumer owns.
 */
@Service
public class Restaurants {

  private static final String WHAT = "Restaurant";

  private final DynamoDbClient dynamoDb;
  private final DomainWrites writes;
  private final String table;
  private final Clock clock = Items.CLOCK;

  Restaurants(DynamoDbClient dynamoDb, DomainWrites writes, Topology topology) {
    this.dynamoDb = dynamoDb;
    this.writes = writes;
    this.table = topology.table(RestaurantItems.TABLE).name();
  }

  public Restaurant create(Listing listing, Function<Restaurant, List<TransactWriteItem>> alsoCommit) {
    Instant now = clock.instant();
    Restaurant restaurant = new Restaurant(UUID.randomUUID().toString(), listing, now, now, 1);
    Map<String, AttributeValue> item = RestaurantItems.encode(RestaurantItem.created(restaurant.restaurantId(), listing, now));
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(TransactWriteItem.builder()
        .put(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(restaurantId)"))
        .build());
    items.addAll(alsoCommit.apply(restaurant));
    EventEnvelope event = writes.event("restaurant.listing.created", new ListingCreated(
        restaurant.restaurantId(), listing.name(), listing.city(), listing.cuisine(), listing.address(),
        listing.geo(), listing.priceLevel(), listing.tags(), 1), 1, null);
    writes.commit(items, List.of(event));
    return restaurant;
  }

  /** Replaces the listing; with {@code expected}, only if the restaurant is still at that version. */
  public Restaurant replace(String restaurantId, Listing listing, OptionalLong expected) {
    RestaurantItem current = current(restaurantId);
    long version = current.version();
    checkVersion(restaurantId, expected, version);
    Instant now = clock.instant();
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    Map<String, AttributeValue> attributes = RestaurantItems.listingAttributes(listing);
    for (String attribute : RestaurantItems.LISTING_ATTRIBUTES) {
      names.put("#" + attribute, attribute);
      if (attributes.containsKey(attribute)) {
        sets.add("#" + attribute + " = :" + attribute);
        values.put(":" + attribute, attributes.get(attribute));
      } else {
        removes.add("#" + attribute);
      }
    }
    sets.add("updatedAt = :updatedAt");
    sets.add("#version = :next");
    names.put("#version", "version");
    values.put(":updatedAt", s(TableKeys.timestamp(now)));
    values.put(":next", n(version + 1));
    values.put(":current", n(version));
    String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    TransactWriteItem item = TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(key(restaurantId)).updateExpression(update)
            .conditionExpression("attribute_exists(restaurantId) AND #version = :current")
            .expressionAttributeNames(names).expressionAttributeValues(values))
        .build();
    EventEnvelope event = writes.event("restaurant.listing.updated", new ListingUpdated(
        restaurantId, listing.name(), listing.city(), listing.cuisine(), listing.address(),
        listing.geo(), listing.priceLevel(), listing.tags(), version + 1), version + 1, null);
    commit(restaurantId, expected, List.of(item), event);
    return new Restaurant(restaurantId, listing, current.createdAt(), now, version + 1);
  }

  public void delete(String restaurantId, OptionalLong expected) {
    long version = current(restaurantId).version();
    checkVersion(restaurantId, expected, version);
    TransactWriteItem item = TransactWriteItem.builder()
        .delete(d -> d.tableName(table).key(key(restaurantId))
            .conditionExpression("attribute_exists(restaurantId) AND #version = :current")
            .expressionAttributeNames(Map.of("#version", "version"))
            .expressionAttributeValues(Map.of(":current", n(version))))
        .build();
    commit(restaurantId, expected, List.of(item),
        writes.event("restaurant.listing.deleted", new ListingDeleted(restaurantId, version + 1), version + 1, null));
  }

  private void commit(String restaurantId, OptionalLong expected, List<TransactWriteItem> items, EventEnvelope event) {
    try {
      writes.commit(items, List.of(event));
    } catch (CommitConflict conflict) {
      // Someone else changed it between our read and our write.
      Map<String, AttributeValue> now = dynamoDb.getItem(r -> r.tableName(table).key(key(restaurantId)).consistentRead(true)).item();
      if (now == null || now.isEmpty()) {
        throw WriteRejected.notFound(WHAT, restaurantId);
      }
      if (expected.isPresent()) {
        throw WriteRejected.versionMoved(WHAT, restaurantId, expected.getAsLong(), Attributes.number(now, "version"));
      }
      throw WriteRejected.concurrentChange(WHAT, restaurantId);
    }
  }

  private RestaurantItem current(String restaurantId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(restaurantId)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      throw WriteRejected.notFound(WHAT, restaurantId);
    }
    return RestaurantItems.decode(item);
  }

  private static void checkVersion(String restaurantId, OptionalLong expected, long current) {
    if (expected.isPresent() && expected.getAsLong() != current) {
      throw WriteRejected.versionMoved(WHAT, restaurantId, expected.getAsLong(), current);
    }
  }

  private static Map<String, AttributeValue> key(String restaurantId) {
    return RestaurantItems.key(restaurantId);
  }
}
