package com.bellyfed.write.users;

import com.bellyfed.data.users.Preferences.PriceRange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The user.* events, as consumers receive them in the envelope's data. */
final class UserEvents {

  private UserEvents() {}

  record ProfileUpdated(
      String userId, String displayName, @Nullable String city, @Nullable String bio, @Nullable String avatarUrl, long version) {}

  record PreferencesChanged(
      String userId, List<String> cuisines, List<String> dietaryRestrictions, @Nullable PriceRange priceRange, long version) {}

  record AccountCreated(String userId, String email, String userName, String status, String createdAt) {}
}
