package com.bellyfed.data.users;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.data.users.Preferences.PriceRange;
import com.bellyfed.events.topology.TableKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The users table's item layout (docs/data-model.md): every writer encodes with it, every reader decodes with it. */
public final class UserItems {

  public static final String TABLE = "users";
  public static final String KEY = "userId";
  public static final String EMAIL_INDEX = "email-index";

  /** The attributes a profile write sets or removes. */
  public static final List<String> PROFILE_ATTRIBUTES = List.of("displayName", "city", "bio", "avatarUrl");

  public static final String PREFERENCES = "preferences";

  private UserItems() {}

  public static Map<String, AttributeValue> key(String userId) {
    return Map.of(KEY, s(userId));
  }

  public static Map<String, AttributeValue> encode(UserItem user) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(KEY, s(user.userId()));
    if (user.email() != null) {
      item.put("email", s(user.email()));
    }
    if (user.userName() != null) {
      item.put("userName", s(user.userName()));
    }
    item.put("status", s(user.status()));
    if (user.profile() != null) {
      item.putAll(profileAttributes(user.profile()));
    }
    if (user.preferences() != null) {
      item.put(PREFERENCES, preferences(user.preferences()));
    }
    item.put("createdAt", s(TableKeys.timestamp(user.createdAt())));
    item.put("updatedAt", s(TableKeys.timestamp(user.updatedAt())));
    item.put("version", n(user.version()));
    return item;
  }

  /** The profile's attributes; absent optional ones are missing (each name is one of {@link #PROFILE_ATTRIBUTES}). */
  public static Map<String, AttributeValue> profileAttributes(Profile profile) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("displayName", s(profile.displayName()));
    putIfPresent(item, "city", profile.city());
    putIfPresent(item, "bio", profile.bio());
    putIfPresent(item, "avatarUrl", profile.avatarUrl());
    return item;
  }

  /** The {@code preferences} attribute: M of {@code cuisines} L, {@code dietaryRestrictions} L, {@code priceRange} M. */
  public static AttributeValue preferences(Preferences preferences) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    map.put("cuisines", Attributes.strings(preferences.cuisines()));
    map.put("dietaryRestrictions", Attributes.strings(preferences.dietaryRestrictions()));
    if (preferences.priceRange() != null) {
      map.put("priceRange", AttributeValue.fromM(Map.of(
          "min", n(preferences.priceRange().min()), "max", n(preferences.priceRange().max()))));
    }
    return AttributeValue.fromM(map);
  }

  /** The item as stored; a user without a display name has no profile. */
  public static UserItem decode(Map<String, AttributeValue> item) {
    String userId = Attributes.string(item, KEY);
    Instant createdAt = Attributes.instant(item, "createdAt");
    if (userId == null || createdAt == null) {
      throw new IllegalArgumentException("A user item lacks userId or createdAt: " + item.keySet());
    }
    String displayName = Attributes.string(item, "displayName");
    Profile profile = displayName == null ? null
        : new Profile(displayName, Attributes.string(item, "city"), Attributes.string(item, "bio"), Attributes.string(item, "avatarUrl"));
    Preferences preferences = null;
    Map<String, AttributeValue> stored = Attributes.map(item, PREFERENCES);
    if (stored != null) {
      Map<String, AttributeValue> range = Attributes.map(stored, "priceRange");
      preferences = new Preferences(
          Attributes.stringList(stored, "cuisines"),
          Attributes.stringList(stored, "dietaryRestrictions"),
          range == null ? null : new PriceRange(Attributes.integer(range, "min"), Attributes.integer(range, "max")));
    }
    Instant updatedAt = Attributes.instant(item, "updatedAt");
    String status = Attributes.string(item, "status");
    return new UserItem(
        userId,
        Attributes.string(item, "email"),
        Attributes.string(item, "userName"),
        status == null ? UserItem.ACTIVE : status,
        profile,
        preferences,
        createdAt,
        updatedAt == null ? createdAt : updatedAt,
        Attributes.number(item, "version"));
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, @Nullable String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }
}
