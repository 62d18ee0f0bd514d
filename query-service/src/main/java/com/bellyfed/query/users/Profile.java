package com.bellyfed.query.users;

import com.bellyfed.query.storage.Items;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user's profile page. Email and account status stay out: a profile page does not show them.
 */
public record Profile(
    String userId,
    @Nullable String userName,
    @Nullable String displayName,
    @Nullable String city,
    @Nullable String bio,
    @Nullable String avatarUrl,
    Preferences preferences,
    @Nullable String createdAt) {

  /**
   * What the user likes to eat.
   *
   * @param priceRange price levels, 1 to 4, when set
   */
  public record Preferences(List<String> cuisines, List<String> dietaryRestrictions, @Nullable PriceRange priceRange) {}

  /** Lowest and highest price level. */
  public record PriceRange(@Nullable BigDecimal min, @Nullable BigDecimal max) {}

  static Profile from(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> preferences = Items.map(item, "preferences");
    Map<String, AttributeValue> range = preferences == null ? null : Items.map(preferences, "priceRange");
    return new Profile(
        String.valueOf(Items.string(item, "userId")),
        Items.string(item, "userName"),
        Items.string(item, "displayName"),
        Items.string(item, "city"),
        Items.string(item, "bio"),
        Items.string(item, "avatarUrl"),
        new Preferences(
            preferences == null ? List.of() : Items.strings(preferences, "cuisines"),
            preferences == null ? List.of() : Items.strings(preferences, "dietaryRestrictions"),
            range == null ? null : new PriceRange(Items.number(range, "min"), Items.number(range, "max"))),
        Items.string(item, "createdAt"));
  }
}
