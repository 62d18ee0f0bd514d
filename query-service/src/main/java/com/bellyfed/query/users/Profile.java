package com.bellyfed.query.users;

import com.bellyfed.data.users.Preferences;
import com.bellyfed.data.users.UserItem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile page, read with shared-data's codec. Email and account status stay out: a
 * profile page does not show them.
 *
 * @param preferences empty lists and no price range while the user has set none
 */
public record Profile(
    String userId,
    @Nullable String userName,
    @Nullable String displayName,
    @Nullable String city,
    @Nullable String bio,
    @Nullable String avatarUrl,
    Preferences preferences,
    Instant createdAt) {

  static final Preferences NONE = new Preferences(List.of(), List.of(), null);

  static Profile of(UserItem user) {
    var profile = user.profile();
    return new Profile(
        user.userId(),
        user.userName(),
        profile == null ? null : profile.displayName(),
        profile == null ? null : profile.city(),
        profile == null ? null : profile.bio(),
        profile == null ? null : profile.avatarUrl(),
        user.preferences() == null ? NONE : user.preferences(),
        user.createdAt());
  }
}
