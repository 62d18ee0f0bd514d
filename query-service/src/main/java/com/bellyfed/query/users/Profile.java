package com.bellyfed.query.users;

import com.bellyfed.data.users.Preferences;
import com.bellyfed.data.users.UserItem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile page, read with shared-data's codec. Email and account status stay out: a
 * profile page does not show them. Preferences (dietary restrictions among them, which may tell a
 * person's health or faith) are the user's own: only the user and admins see them.
 *
 * @param preferences empty lists and no price range while the user has set none; absent from
 *     {@link #publicView()}
 */
public record Profile(
    String userId,
    @Nullable String userName,
    @Nullable String displayName,
    @Nullable String city,
    @Nullable String bio,
    @Nullable String avatarUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Preferences preferences,
    Instant createdAt) {

  static final Preferences NONE = new Preferences(List.of(), List.of(), null);

  /** What anyone may see: the profile without its preferences. */
  public Profile publicView() {
    return new Profile(userId, userName, displayName, city, bio, avatarUrl, null, createdAt);
  }

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
