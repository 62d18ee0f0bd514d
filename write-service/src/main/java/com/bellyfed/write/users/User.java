package com.bellyfed.write.users;

import com.bellyfed.data.users.Preferences;
import com.bellyfed.data.users.Profile;
import com.bellyfed.data.users.UserItem;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user item after a write (docs/data-model.md).
 *
 * @param created whether this write created the item
 */
public record User(
    String userId,
    @Nullable String email,
    @Nullable String userName,
    String status,
    @Nullable Profile profile,
    @Nullable Preferences preferences,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean created) {

  static User of(UserItem item, boolean created) {
    return new User(item.userId(), item.email(), item.userName(), item.status(), item.profile(), item.preferences(),
        item.createdAt(), item.updatedAt(), item.version(), created);
  }
}
