package com.bellyfed.write.users;

import com.bellyfed.data.Attributes;
import com.bellyfed.events.topology.TableKeys;
import static com.bellyfed.data.Attributes.n;
import static com.bellyfed.data.Attributes.s;

import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.write.users.UserEvents.AccountCreated;
import com.bellyfed.write.writing.CommitConflict;
import com.bellyfed.write.writing.DomainWrites;
import com.bellyfed.write.writing.Items;
import com.bellyfed.write.writing.WriteAnalytics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Creates the user of a confirmed Cognito sign-up, exactly once: the users item, the
 * {@code user.account.created} outbox row and the idempotency guard's record commit together, and
 * the item's own condition (no email yet) makes a second sign-up event for the same {@code sub}
 * change nothing, even one that reached the bus twice with different event ids.
 */
@Service
public class Signups {

  public static final String CONSUMER = "user-signup";
  private static final Logger log = LoggerFactory.getLogger(Signups.class);

  private final DynamoDbClient dynamoDb;
  private final DomainWrites writes;
  private final IdempotencyGuard guard;
  private final WriteAnalytics analytics;
  private final String table;
  private final Counter created;
  private final Counter repeated;
  private final Clock clock = Items.CLOCK;

  Signups(DynamoDbClient dynamoDb, DomainWrites writes, IdempotencyGuard guard, WriteAnalytics analytics, Topology topology, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.writes = writes;
    this.guard = guard;
    this.analytics = analytics;
    this.table = topology.table("users").name();
    this.created = Counter.builder("bellyfed.write.signups").tag("outcome", "created").register(registry);
    this.repeated = Counter.builder("bellyfed.write.signups").tag("outcome", "repeated").register(registry);
  }

  /**
   * @param eventId the id the guard records; derived from the pool and sub, so every delivery of one sign-up shares it
   */
  public void on(CognitoSignup signup, String eventId) {
    long started = System.nanoTime();
    Map<String, AttributeValue> current =
        dynamoDb.getItem(r -> r.tableName(table).key(UserAccounts.key(signup.sub())).consistentRead(true)).item();
    if (current != null && current.containsKey("email")) {
      repeated.increment();
      return;
    }
    long version = current == null || current.isEmpty() ? 1 : Attributes.number(current, "version") + 1;
    Instant now = clock.instant();
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":email", s(signup.email()),
        ":userName", s(signup.userName()),
        ":active", s("ACTIVE"),
        ":now", s(TableKeys.timestamp(now)),
        ":next", n(version)));
    String condition = "attribute_not_exists(email) AND ";
    if (version == 1) {
      condition += "attribute_not_exists(#version)";
    } else {
      condition += "#version = :current";
      values.put(":current", n(version - 1));
    }
    String finalCondition = condition;
    TransactWriteItem user = TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(UserAccounts.key(signup.sub()))
            .updateExpression("SET email = :email, userName = :userName, #status = :active,"
                + " createdAt = if_not_exists(createdAt, :now), updatedAt = :now, #version = :next")
            .conditionExpression(finalCondition)
            .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
            .expressionAttributeValues(values))
        .build();
    String createdAt = current != null && current.containsKey("createdAt") ? String.valueOf(Attributes.string(current, "createdAt")) : TableKeys.timestamp(now);
    try {
      writes.commit(
          List.of(user, guard.transactItem(CONSUMER, eventId)),
          List.of(writes.event("user.account.created",
              new AccountCreated(signup.sub(), signup.email(), signup.userName(), "ACTIVE", createdAt), version, signup.sub())));
    } catch (CommitConflict conflict) {
      if (conflict.conditionFailedAt(1)) {
        repeated.increment();
        return;
      }
      // The user changed between our read and our write: read again on the next delivery.
      throw conflict;
    }
    created.increment();
    log.info("Signed up user {} ({})", signup.sub(), signup.userName());
    analytics.record("USER_SIGNUP", Category.AUTHENTICATION, true, Duration.ofNanos(System.nanoTime() - started),
        Map.of("operation", "signup", "triggerSource", CognitoSignup.SIGN_UP));
  }
}
