package com.bellyfed.events.consuming;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Remembers which events each consumer has handled, in the processed-events table (consumer,
 * eventId; expires after a TTL, 7 days by default, well past SQS's 4-day retention), so that a
 * second delivery of the same event acts once.
 *
 * <p>Two ways to use it. Where the effect is a DynamoDB write, add {@link #transactItem} to the
 * handler's own transaction: the effect and the record commit together, exactly once, and a
 * duplicate fails the transaction ({@link #isDuplicate}). Otherwise call {@link #firstTime} before
 * the effect and {@link #forget} if the effect fails, so that the retry is not mistaken for a
 * duplicate; a crash between the two loses that one effect, which is why the first way exists.
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

  /** Records the event for the consumer; false when it was recorded before (a duplicate). */
  public boolean firstTime(String consumer, String eventId) {
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item(consumer, eventId)).conditionExpression("attribute_not_exists(eventId)"));
      return true;
    } catch (ConditionalCheckFailedException seen) {
      return false;
    }
  }

  /** Takes a record back after the effect failed, so that the redelivery runs the handler again. */
  public void forget(String consumer, String eventId) {
    dynamoDb.deleteItem(request -> request.tableName(table).key(Map.of("consumer", AttributeValue.fromS(consumer), "eventId", AttributeValue.fromS(eventId))));
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

  private Map<String, AttributeValue> item(String consumer, String eventId) {
    long expiresAt = clock.instant().plus(retention).getEpochSecond();
    return Map.of(
        "consumer", AttributeValue.fromS(consumer),
        "eventId", AttributeValue.fromS(eventId),
        "processedAt", AttributeValue.fromS(clock.instant().toString()),
        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
  }
}
