package com.bellyfed.events.consuming;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Remembers which events each consumer has handled, in the processed-events table (consumer,
 * eventId; expires after a TTL, 7 days by default, well past SQS's 4-day retention), so that a
 * second delivery of the same event acts once.
 *
 * <p>Two ways to use it. Where the effect is a DynamoDB write, add {@link #transactItem} to the
 * handler's own transaction: the effect and the record commit together, exactly once, and a
 * duplicate fails the transaction ({@link #isDuplicate}). Otherwise ask {@link #seen} before the
 * effect and {@link #record} after it: a crash between the two repeats the effect on redelivery
 * (at least once), but an outage can never make an unhandled event look handled.
 */
public final class IdempotencyGuard {

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;
  private final Duration retention;

  public IdempotencyGuard(DynamoDbClient dynamoDb, String table, Clock clock, Duration retention) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
    this.retention = retention;
  }

  /** Whether the consumer handled the event already (a strongly consistent read). */
  public boolean seen(String consumer, String eventId) {
    return dynamoDb.getItem(request -> request.tableName(table).key(key(consumer, eventId)).consistentRead(true)).hasItem();
  }

  /** Records that the consumer handled the event. */
  public void record(String consumer, String eventId) {
    dynamoDb.putItem(request -> request.tableName(table).item(item(consumer, eventId)));
  }

  /** The record as one item of the handler's own transaction; the transaction fails if the event was handled already. */
  public TransactWriteItem transactItem(String consumer, String eventId) {
    return TransactWriteItem.builder()
        .put(put -> put.tableName(table).item(item(consumer, eventId)).conditionExpression("attribute_not_exists(eventId)"))
        .build();
  }

  /**
   * Whether a cancelled transaction failed because of the guard's item, at {@code guardIndex} in
   * its list of items, and not because of the handler's own conditions.
   */
  public static boolean isDuplicate(TransactionCanceledException cancelled, int guardIndex) {
    List<CancellationReason> reasons = cancelled.cancellationReasons();
    return guardIndex < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(guardIndex).code());
  }

  private static Map<String, AttributeValue> key(String consumer, String eventId) {
    return Map.of("consumer", AttributeValue.fromS(consumer), "eventId", AttributeValue.fromS(eventId));
  }

  private Map<String, AttributeValue> item(String consumer, String eventId) {
    long expiresAt = clock.instant().plus(retention).getEpochSecond();
    return Map.of(
        "consumer", AttributeValue.fromS(consumer),
        "eventId", AttributeValue.fromS(eventId),
        "processedAt", AttributeValue.fromS(clock.instant().toString()),
        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
  }
}
