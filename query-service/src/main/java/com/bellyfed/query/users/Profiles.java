package com.bellyfed.query.users;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.storage.Items;
import com.bellyfed.query.storage.Store;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Reads user profiles by userId, the users table's key. */
@Service
public class Profiles {

  private final Store store;
  private final String table;

  Profiles(Store store, Topology topology) {
    this.store = store;
    this.table = topology.table("users").name();
  }

  /**
   * A profile and its version (the ETag).
   *
   * @param version the item's optimistic-locking version
   */
  public record Versioned(Profile profile, long version) {}

  public Optional<Versioned> find(String userId) {
    GetItemResponse response = store.getItem(r -> r.tableName(table).key(Map.of("userId", AttributeValue.fromS(userId))));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Versioned(Profile.from(response.item()), Items.longOr(response.item(), "version", 0)));
  }

  public boolean exists(String userId) {
    GetItemResponse response =
        store.getItem(r -> r.tableName(table).key(Map.of("userId", AttributeValue.fromS(userId))).projectionExpression("userId"));
    return response.hasItem() && !response.item().isEmpty();
  }
}
