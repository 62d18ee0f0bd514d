package com.bellyfed.events.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@LocalAwsTest
class IdempotencyGuardIntegrationTests {

  private LocalAws localAws;
  private IdempotencyGuard guard;
  private String table;

  @BeforeEach
  void guard(LocalAws shared) {
    localAws = shared;
    table = shared.topology().table("processed-events").name();
    guard = new IdempotencyGuard(shared.dynamoDb(), table, Clock.systemUTC(), IdempotencyGuard.DEFAULT_RETENTION);
  }

  @Test
  void remembersPerConsumerWhichEventsWereHandledForSevenDays() {
    String eventId = UUID.randomUUID().toString();
    assertThat(guard.seen("rating-aggregator", eventId)).isFalse();

    guard.record("rating-aggregator", eventId);

    assertThat(guard.seen("rating-aggregator", eventId)).isTrue();
    assertThat(guard.seen("event-archive", eventId)).as("another consumer of the same event").isFalse();
    Map<String, AttributeValue> record = localAws.dynamoDb().getItem(request -> request.tableName(table)
        .key(Map.of("consumer", AttributeValue.fromS("rating-aggregator"), "eventId", AttributeValue.fromS(eventId)))).item();
    long expiresAt = Long.parseLong(record.get("expiresAt").n());
    assertThat(Instant.ofEpochSecond(expiresAt))
        .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
  }

  @Test
  void appliesTheEffectOfAnEventOnceWhenTheGuardJoinsTheHandlersTransaction() {
    String restaurants = localAws.topology().table("restaurants").name();
    String restaurantId = "guard-" + UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();

    for (int delivery = 0; delivery < 3; delivery++) {
      TransactWriteItem effect = TransactWriteItem.builder().update(update -> update.tableName(restaurants)
          .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId)))
          .updateExpression("ADD reviewCount :one")
          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
      try {
        localAws.dynamoDb().transactWriteItems(request -> request.transactItems(guard.transactItem("rating", eventId), effect));
        assertThat(delivery).as("only the first delivery commits").isZero();
      } catch (TransactionCanceledException cancelled) {
        assertThat(IdempotencyGuard.isDuplicate(cancelled, 0)).isTrue();
      }
    }

    Map<String, AttributeValue> restaurant = localAws.dynamoDb()
        .getItem(request -> request.tableName(restaurants).key(Map.of("restaurantId", AttributeValue.fromS(restaurantId)))).item();
    assertThat(restaurant.get("reviewCount").n()).isEqualTo("1");
    assertThatThrownBy(() -> localAws.dynamoDb().transactWriteItems(request -> request.transactItems(guard.transactItem("rating", eventId))))
        .isInstanceOf(TransactionCanceledException.class);
  }
}
