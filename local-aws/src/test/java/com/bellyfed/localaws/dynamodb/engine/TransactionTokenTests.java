package com.bellyfed.localaws.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.requests.RequestValidator;
import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ClientRequestToken on TransactWriteItems: "valid for 10 minutes after the first request that uses it
 * completes. After 10 minutes, any request with the same client token is treated as a new request"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken).
 */
class TransactionTokenTests {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));
  private final Database database = new Database("us-east-1", "000000000000", clock, Duration.ofHours(1));
  private final TableOperations tables = new TableOperations(database);
  private final ItemOperations items = new ItemOperations(database);
  private final Transactions transactions = new Transactions(database);

  TransactionTokenTests() {
    tables.createTable(json("{'TableName': 't', 'BillingMode': 'PAY_PER_REQUEST',"
        + " 'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],"
        + " 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}]}"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aRetryWithinTenMinutesDoesNotWriteAgainAndOneAfterThemDoes() {
    transactions.transactWriteItems(add("token-1", 1));
    clock.advance(Duration.ofMinutes(9));
    transactions.transactWriteItems(add("token-1", 1));
    assertThat(count()).isEqualTo("1");

    clock.advance(Duration.ofMinutes(2));
    transactions.transactWriteItems(add("token-1", 1));
    assertThat(count()).as("the token expired: a new request").isEqualTo("2");
  }

  @Test
  void aTokenReusedWithOtherParametersIsRefusedUntilItExpires() {
    transactions.transactWriteItems(add("token-2", 1));
    assertThatThrownBy(() -> transactions.transactWriteItems(add("token-2", 5)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage("Request with the client token token-2 has been used before with different parameters.");

    clock.advance(Duration.ofMinutes(11));
    transactions.transactWriteItems(add("token-2", 5));
    assertThat(count()).isEqualTo("6");
  }

  @Test
  void expiredTokensAreForgottenOneByOneWhileNewerOnesHold() {
    for (int i = 0; i < 1_000; i++) {
      transactions.transactWriteItems(add("old-" + i, 1));
    }
    clock.advance(Duration.ofMinutes(6));
    transactions.transactWriteItems(add("newer", 1));
    clock.advance(Duration.ofMinutes(6));
    // The old thousand have expired and count again; the newer one still holds.
    transactions.transactWriteItems(add("old-0", 1));
    transactions.transactWriteItems(add("newer", 1));
    assertThat(count()).isEqualTo("1002");
  }

  private String count() {
    JsonNode item = RequestValidator.parse(items.getItem(json("{'TableName': 't', 'Key': {'pk': {'S': 'counter'}}}")));
    return item.path("Item").path("n").path("N").asString("");
  }

  private static JsonNode add(String token, int amount) {
    return json("{'ClientRequestToken': '" + token + "', 'TransactItems': [{'Update': {'TableName': 't',"
        + " 'Key': {'pk': {'S': 'counter'}}, 'UpdateExpression': 'ADD n :a',"
        + " 'ExpressionAttributeValues': {':a': {'N': '" + amount + "'}}}}]}");
  }

  private static JsonNode json(String singleQuoted) {
    return RequestValidator.parse(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
