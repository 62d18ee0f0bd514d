package com.bellyfed.write.users.web;

import com.bellyfed.write.users.User;
import com.bellyfed.data.users.Preferences;
import com.bellyfed.data.users.Profile;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as the write API answers it; its ETag is {@code version}. */
record UserView(
    String userId, @Nullable String email, @Nullable String userName, String status,
    @Nullable Profile profile, @Nullable Preferences preferences, Instant createdAt, Instant updatedAt, long version) {

  static UserView of(User user) {
    return new UserView(
        user.userId(), user.email(), user.userName(), user.status(), user.profile(), user.preferences(),
        user.createdAt(), user.updatedAt(), user.version());
  }
}
