package com.bellyfed.imports.records;

import com.bellyfed.data.users.Profile;
import com.bellyfed.data.users.UserItem;
import com.bellyfed.data.users.UserItems;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user to import: id and a valid email required; imported users are ACTIVE. A record that gives
 * any profile field gives a profile, which follows shared-data's {@link Profile} (the write API's
 * rules: a display name, lengths, an http or https avatar URL).
 */
public record UserRecord(
    @NotBlank @Size(max = 128) String userId,
    @NotBlank @Email @Size(max = 254) String email,
    @Nullable @Size(max = 100) String userName,
    @Nullable String displayName,
    @Nullable String city,
    @Nullable String bio,
    @Nullable String avatarUrl,
    @Nullable Instant createdAt)
    implements ImportRecord {

  public static final List<String> COLUMNS = List.of("userId", "email", "userName", "displayName", "city", "bio", "avatarUrl", "createdAt");

  @Override
  public UserRecord prepared(Instant now) {
    return new UserRecord(userId, email, userName, displayName, city, bio, avatarUrl, createdAt != null ? createdAt : now);
  }

  /** The profile; null when the record gives none of its fields. */
  @Override
  public @Nullable Profile shared() {
    boolean any = Stream.of(displayName, city, bio, avatarUrl).anyMatch(value -> value != null && !value.isBlank());
    return any ? new Profile(displayName, city, bio, avatarUrl) : null;
  }

  @Override
  public Map<String, AttributeValue> toItem() {
    Instant created = RestaurantRecord.createdAtOrFail(createdAt);
    return UserItems.encode(new UserItem(
        userId, email, userName != null ? userName : userId, UserItem.ACTIVE, shared(), null, created, created, 1));
  }
}
