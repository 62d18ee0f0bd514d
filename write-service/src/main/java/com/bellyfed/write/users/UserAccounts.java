package com.bellyfed.write.users;

import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.data.Attributes;
import com.bellyfed.data.users.Preferences;
import com.bellyfed.data.users.Profile;
import com.bellyfed.data.users.UserItem;
import com.bellyfed.data.users.UserItems;
import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.write.users.UserEvents.PreferencesChanged;
import com.bellyfed.write.users.UserEvents.ProfileUpdated;
import com.bellyfed.write.writing.CommitConflict;
import com.bellyfed.write.writing.DomainWrites;
import com.bellyfed.write.writing.Items;
import com.bellyfed.write.writing.WriteRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Profile and preference writes on the users table. A PUT on a user that does not exist yet creates
 * it (status ACTIVE, version 1), so a profile can be written before or without a Cognito sign-up;
 * the sign-up then finds the user and leaves it as it is.
 */
@Service
public class UserAccounts {

  static final String WHAT = "User";

  private final DynamoDbClient dynamoDb;
  private final DomainWrites writes;
  private final String table;
  private final Clock clock = Items.CLOCK;

  UserAccounts(DynamoDbClient dynamoDb, DomainWrites writes, Topology topology) {
    this.dynamoDb = dynamoDb;
    this.writes = writes;
    this.table = topology.table(UserItems.TABLE).name();
  }

  public User updateProfile(String userId, Profile profile, OptionalLong expected) {
    Map<String, AttributeValue> attributes = UserItems.profileAttributes(profile);
    List<String> removed = UserItems.PROFILE_ATTRIBUTES.stream().filter(name -> !attributes.containsKey(name)).toList();
    return write(userId, expected, attributes, removed, version -> writes.event(
        "user.profile.updated",
        new ProfileUpdated(userId, profile.displayName(), profile.city(), profile.bio(), profile.avatarUrl(), version),
        version,
        userId));
  }

  public User updatePreferences(String userId, Preferences preferences, OptionalLong expected) {
    return write(userId, expected, Map.of(UserItems.PREFERENCES, UserItems.preferences(preferences)), List.of(), version -> writes.event(
        "user.preferences.changed",
        new PreferencesChanged(userId, preferences.cuisines(), preferences.dietaryRestrictions(), preferences.priceRange(), version),
        version,
        userId));
  }

  private User write(
      String userId, OptionalLong expected, Map<String, AttributeValue> attributes, List<String> removed, LongFunction<EventEnvelope> event) {
    Map<String, AttributeValue> current = dynamoDb.getItem(r -> r.tableName(table).key(key(userId)).consistentRead(true)).item();
    Instant now = clock.instant();
    Map<String, AttributeValue> after;
    TransactWriteItem item;
    long version;
    boolean created = current == null || current.isEmpty();
    if (created) {
      if (expected.isPresent()) {
        throw WriteRejected.versionMovedOnMissing(WHAT, userId);
      }
      version = 1;
      after = new HashMap<>(UserItems.encode(new UserItem(userId, null, null, UserItem.ACTIVE, null, null, now, now, 1)));
      after.putAll(attributes);
      item = TransactWriteItem.builder()
          .put(put -> put.tableName(table).item(after).conditionExpression("attribute_not_exists(userId)"))
          .build();
    } else {
      long currentVersion = Attributes.number(current, "version");
      if (expected.isPresent() && expected.getAsLong() != currentVersion) {
        throw WriteRejected.versionMoved(WHAT, userId, expected.getAsLong(), currentVersion);
      }
      version = currentVersion + 1;
      after = new HashMap<>(current);
      after.putAll(attributes);
      removed.forEach(after::remove);
      after.put("updatedAt", s(TableKeys.timestamp(now)));
      after.put("version", n(version));
      Map<String, String> names = new HashMap<>(Map.of("#version", "version"));
      Map<String, AttributeValue> values = new HashMap<>(Map.of(
          ":updatedAt", s(TableKeys.timestamp(now)), ":next", n(version), ":current", n(currentVersion)));
      List<String> sets = new ArrayList<>(List.of("updatedAt = :updatedAt", "#version = :next"));
      attributes.forEach((name, value) -> {
        names.put("#" + name, name);
        values.put(":" + name, value);
        sets.add("#" + name + " = :" + name);
      });
      removed.forEach(name -> names.put("#" + name, name));
      String update = "SET " + String.join(", ", sets)
          + (removed.isEmpty() ? "" : " REMOVE " + String.join(", ", removed.stream().map(name -> "#" + name).toList()));
      item = TransactWriteItem.builder()
          .update(u -> u.tableName(table).key(key(userId)).updateExpression(update)
              .conditionExpression("#version = :current").expressionAttributeNames(names).expressionAttributeValues(values))
          .build();
    }
    try {
      writes.commit(List.of(item), List.of(event.apply(version)));
    } catch (CommitConflict conflict) {
      if (expected.isPresent()) {
        Map<String, AttributeValue> now2 = dynamoDb.getItem(r -> r.tableName(table).key(key(userId)).consistentRead(true)).item();
        throw now2 == null || now2.isEmpty()
            ? WriteRejected.versionMovedOnMissing(WHAT, userId)
            : WriteRejected.versionMoved(WHAT, userId, expected.getAsLong(), Attributes.number(now2, "version"));
      }
      throw WriteRejected.concurrentChange(WHAT, userId);
    }
    return user(after, created);
  }

  static User user(Map<String, AttributeValue> item, boolean created) {
    return User.of(UserItems.decode(item), created);
  }

  static Map<String, AttributeValue> key(String userId) {
    return UserItems.key(userId);
  }
}
