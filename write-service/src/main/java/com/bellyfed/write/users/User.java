package com.bellyfed.write.users;

import java.time.Instant;
import java.util.List;
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

  /** What a user says about themselves. */
  public record Profile(String displayName, @Nullable String city, @Nullable String bio, @Nullable String avatarUrl) {}

  /** What a user likes; {@code priceRange} in price levels 1-4. */
  public record Preferences(List<String> cuisines, List<String> dietaryRestrictions, @Nullable PriceRange priceRange) {}

  public record PriceRange(int min, int max) {}
}
