package com.bellyfed.query.users;

import com.bellyfed.data.users.UserItem;
import com.bellyfed.data.users.UserItems;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.storage.Store;
import java.util.Optional;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Reads user profiles by userId, the users table's key. */
@Service
public class Profiles {

  private final Store store;
  private final String table;

  Profiles(Store store, Topology topology) {
    this.store = store;
    this.table = topology.table(UserItems.TABLE).name();
  }

  /**
   * A profile and its version (the ETag).
   *
   * @param version the item's optimistic-locking version
   */
  public record Versioned(Profile profile, long version) {}

  public Optional<Versioned> find(String userId) {
    GetItemResponse response = store.getItem(r -> r.tableName(table).key(UserItems.key(userId)));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    UserItem user = UserItems.decode(response.item());
    return Optional.of(new Versioned(Profile.of(user), user.version()));
  }

  public boolean exists(String userId) {
    GetItemResponse response =
        store.getItem(r -> r.tableName(table).key(UserItems.key(userId)).projectionExpression("userId"));
    return response.hasItem() && !response.item().isEmpty();
  }
}
