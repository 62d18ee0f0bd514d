package com.bellyfed.imports.records;

import com.bellyfed.events.topology.TableKeys;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A user to import: id and a valid email required, as the write API asks; imported users are ACTIVE. */
public record UserRecord(
    @NotBlank @Size(max = 128) String userId,
    @NotBlank @Email @Size(max = 254) String email,
    @Nullable @Size(max = 100) String userName,
    @Nullable @Size(max = 100) String displayName,
    @Nullable @Size(max = 100) String city,
    @Nullable @Size(max = 1000) String bio,
    @Nullable @Size(max = 500) String avatarUrl,
    @Nullable Instant createdAt)
    implements ImportRecord {

  public static final List<String> COLUMNS = List.of("userId", "email", "userName", "displayName", "city", "bio", "avatarUrl", "createdAt");

  @Override
  public UserRecord prepared(Instant now) {
    return new UserRecord(userId, email, userName, displayName, city, bio, avatarUrl, createdAt != null ? createdAt : now);
  }

  @Override
  public Map<String, AttributeValue> toItem() {
    String created = TableKeys.timestamp(createdAt);
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("userId", AttributeValue.fromS(userId));
    item.put("email", AttributeValue.fromS(email));
    item.put("userName", AttributeValue.fromS(userName != null ? userName : userId));
    item.put("status", AttributeValue.fromS("ACTIVE"));
    putIfPresent(item, "displayName", displayName);
    putIfPresent(item, "city", city);
    putIfPresent(item, "bio", bio);
    putIfPresent(item, "avatarUrl", avatarUrl);
    item.put("createdAt", AttributeValue.fromS(created));
    item.put("updatedAt", AttributeValue.fromS(created));
    item.put("version", AttributeValue.fromN("1"));
    return item;
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      item.put(name, AttributeValue.fromS(value));
    }
  }
}
