package com.bellyfed.events.outbox;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxRow.OutboxState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox table. Rows are keyed by eventId; the {@code outbox-state-index} GSI (state,
 * createdAt) finds PENDING rows oldest first without a scan. A relay claims a row with a
 * conditional update that sets a lease, so that several instances never publish the same row at
 * the same time, and a crashed relay's rows are claimed again once its lease runs out.
 */
public final class OutboxStore {

  static final String STATE_INDEX = "outbox-state-index";
  // Fixed width, so that the index orders rows by time when it compares strings.
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final EnvelopeJson json;
  private final Clock clock;

  public OutboxStore(DynamoDbClient dynamoDb, String table, EnvelopeJson json, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.json = json;
    this.clock = clock;
  }

  /** The outbox row of an event, to add to the transaction that writes the entity. */
  public TransactWriteItem transactItem(EventEnvelope envelope) {
    return TransactWriteItem.builder()
        .put(put -> put.tableName(table).item(item(envelope, null)).conditionExpression("attribute_not_exists(eventId)"))
        .build();
  }

  /** Stores an event the publisher could not deliver, for the relay to publish later. */
  public void spill(EventEnvelope envelope, String reason) {
    dynamoDb.putItem(request -> request.tableName(table).item(item(envelope, reason)));
  }

  /**
   * Claims a PENDING row whose lease is free or expired.
   *
   * @return false when another relay holds it, it was published already, or it FAILED
   */
  public boolean claim(String eventId, String owner, Duration lease) {
    long now = clock.millis();
    try {
      dynamoDb.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(eventId))
                  .updateExpression("SET leaseOwner = :owner, leaseUntil = :until")
                  .conditionExpression(
                      "#state = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)"
                          + " AND (attribute_not_exists(retryAfter) OR retryAfter < :now)")
                  .expressionAttributeNames(Map.of("#state", "state"))
                  .expressionAttributeValues(
                      Map.of(
                          ":owner", s(owner),
                          ":until", n(now + lease.toMillis()),
                          ":now", n(now),
                          ":pending", s(OutboxState.PENDING.name()))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  /** Deletes a published row, unless another relay claimed it since (it will publish it again: at least once). */
  public void delete(String eventId, String owner) {
    try {
      dynamoDb.deleteItem(
          request ->
              request
                  .tableName(table)
                  .key(key(eventId))
                  .conditionExpression("leaseOwner = :owner")
                  .expressionAttributeValues(Map.of(":owner", s(owner))));
    } catch (ConditionalCheckFailedException reclaimed) {
      // Our lease ran out and another relay owns the row now.
    }
  }

  /** Gives a claimed row back untried, without counting an attempt (the circuit refused the call). */
  public void unclaim(String eventId, String owner) {
    try {
      dynamoDb.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(eventId))
                  .updateExpression("REMOVE leaseOwner, leaseUntil")
                  .conditionExpression("leaseOwner = :owner")
                  .expressionAttributeValues(Map.of(":owner", s(owner))));
    } catch (ConditionalCheckFailedException reclaimed) {
      // Our lease ran out and another relay owns the row now.
    }
  }

  /**
   * Gives a claimed row back after a failed attempt; after {@code maxAttempts} it becomes FAILED.
   *
   * @return the row's state afterwards
   */
  public OutboxState release(String eventId, String owner, String error, int maxAttempts) {
    try {
      var response =
          dynamoDb.updateItem(
              request ->
                  request
                      .tableName(table)
                      .key(key(eventId))
                      .updateExpression("SET attempts = if_not_exists(attempts, :zero) + :one, lastError = :error REMOVE leaseOwner, leaseUntil")
                      .conditionExpression("leaseOwner = :owner")
                      .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1), ":error", s(error), ":owner", s(owner)))
                      .returnValues(ReturnValue.ALL_NEW));
      int attempts = Integer.parseInt(response.attributes().get("attempts").n());
      if (attempts < maxAttempts) {
        long retryAfter = clock.millis() + retryDelay(attempts).toMillis();
        dynamoDb.updateItem(
            request ->
                request
                    .tableName(table)
                    .key(key(eventId))
                    .updateExpression("SET retryAfter = :at")
                    .conditionExpression("attribute_exists(eventId)")
                    .expressionAttributeValues(Map.of(":at", n(retryAfter))));
        return OutboxState.PENDING;
      }
      dynamoDb.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(eventId))
                  .updateExpression("SET #state = :failed")
                  .conditionExpression("attribute_exists(eventId)")
                  .expressionAttributeNames(Map.of("#state", "state"))
                  .expressionAttributeValues(Map.of(":failed", s(OutboxState.FAILED.name()))));
      return OutboxState.FAILED;
    } catch (ConditionalCheckFailedException reclaimed) {
      return OutboxState.PENDING;
    }
  }

  /**
   * How long a row rests after its n-th failed attempt: 1 s doubling to at most 5 minutes, so that
   * a row failing during a partial outage (throttled entries, with the circuit still closed) does
   * not use up its attempts within seconds.
   */
  static Duration retryDelay(int attempts) {
    return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts - 1, 9)));
  }

  /** PENDING rows created before {@code cutoff}, oldest first. */
  public List<OutboxRow> pendingBefore(Instant cutoff, int limit) {
    return query(OutboxState.PENDING, cutoff, limit);
  }

  /** FAILED rows, oldest first, for operators to review and resubmit. */
  public List<OutboxRow> failed(int limit) {
    return query(OutboxState.FAILED, clock.instant().plus(Duration.ofDays(3650)), limit);
  }

  /** Puts a FAILED row back to PENDING with its attempts reset. */
  public boolean resubmit(String eventId) {
    try {
      dynamoDb.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(eventId))
                  .updateExpression("SET #state = :pending, attempts = :zero REMOVE leaseOwner, leaseUntil, retryAfter")
                  .conditionExpression("#state = :failed")
                  .expressionAttributeNames(Map.of("#state", "state"))
                  .expressionAttributeValues(
                      Map.of(":pending", s(OutboxState.PENDING.name()), ":failed", s(OutboxState.FAILED.name()), ":zero", n(0))));
      return true;
    } catch (ConditionalCheckFailedException notFailed) {
      return false;
    }
  }

  /** When the oldest PENDING row was written, if there is one. */
  public Optional<Instant> oldestPending() {
    return pendingBefore(clock.instant().plus(Duration.ofDays(3650)), 1).stream().findFirst().map(OutboxRow::createdAt);
  }

  /** How many rows are FAILED, for the gauge operators alert on; pages through the state index's keys only. */
  public long countFailed() {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamoDb.query(request -> request
          .tableName(table)
          .indexName(STATE_INDEX)
          .keyConditionExpression("#state = :state")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":state", s(OutboxState.FAILED.name())))
          .select(Select.COUNT)
          .exclusiveStartKey(from));
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  private List<OutboxRow> query(OutboxState state, Instant before, int limit) {
    return dynamoDb
        .query(
            request ->
                request
                    .tableName(table)
                    .indexName(STATE_INDEX)
                    .keyConditionExpression("#state = :state AND createdAt < :before")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":state", s(state.name()), ":before", s(CREATED_AT.format(before))))
                    .scanIndexForward(true)
                    .limit(limit))
        .items()
        .stream()
        .map(this::row)
        .toList();
  }

  private OutboxRow row(Map<String, AttributeValue> item) {
    AttributeValue attempts = item.get("attempts");
    AttributeValue lastError = item.get("lastError");
    return new OutboxRow(
        json.read(item.get("envelope").s()),
        OutboxState.valueOf(item.get("state").s()),
        Instant.from(CREATED_AT.parse(item.get("createdAt").s())),
        attempts == null ? 0 : Integer.parseInt(attempts.n()),
        lastError == null ? null : lastError.s());
  }

  private Map<String, AttributeValue> item(EventEnvelope envelope, @Nullable String reason) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("eventId", s(envelope.eventId()));
    item.put("state", s(OutboxState.PENDING.name()));
    item.put("createdAt", s(CREATED_AT.format(clock.instant())));
    item.put("eventType", s(envelope.eventType()));
    item.put("envelope", s(json.write(envelope)));
    item.put("attempts", n(0));
    if (reason != null) {
      item.put("lastError", s(reason));
    }
    return item;
  }

  private static Map<String, AttributeValue> key(String eventId) {
    return Map.of("eventId", s(eventId));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
