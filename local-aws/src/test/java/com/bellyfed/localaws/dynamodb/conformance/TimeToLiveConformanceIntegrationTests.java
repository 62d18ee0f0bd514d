package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * UpdateTimeToLive and DescribeTimeToLive, and real expiry: an item whose TTL attribute holds a past
 * epoch second is eventually deleted, while items with a future, non-number, missing or more than five
 * years old TTL are kept.
 *
 * <p>AWS deletes expired items "typically within two days", so against AWS the expiry wait defaults to
 * two days (system property {@code dynamodb.conformance.ttl-expiry-wait}, an ISO-8601 duration, shortens
 * it); in-process it is 30 seconds. AWS also refuses a second UpdateTimeToLive on a table within about
 * an hour, so every change here happens on a table of its own.
 */
@ConformanceTest
class TimeToLiveConformanceIntegrationTests {

  private static final String TTL = "expiresAt";

  private static String fresh;
  private static String enabled;
  private static TimeToLiveSpecification enabledAnswer;
  private static String cooling;
  private static String expiry;
  private static AssertionError expiryFailure;
  private static boolean expirySeen;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    fresh = tables.create("ttl-fresh", false);

    enabled = tables.create("ttl-enabled", false);
    enabledAnswer = dynamoDb.updateTimeToLive(request -> request.tableName(enabled).timeToLiveSpecification(enable(TTL)))
        .timeToLiveSpecification();

    cooling = tables.create("ttl-cooling", false);
    dynamoDb.updateTimeToLive(request -> request.tableName(cooling).timeToLiveSpecification(enable(TTL)));

    expiry = tables.create("ttl-expiry", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("gk", S))
        .keySchema(hash("pk"))
        .globalSecondaryIndexes(gsi("byGk", keysOnly(), hash("gk"))));
    long now = Instant.now().getEpochSecond();
    long sixYearsAgo = Instant.now().minus(6 * 366, ChronoUnit.DAYS).getEpochSecond();
    for (Map<String, AttributeValue> item : List.of(
        item("pk", s("expired"), "gk", s("g"), TTL, n(now - 60)),
        item("pk", s("future"), "gk", s("g"), TTL, n(now + 3_600)),
        item("pk", s("string"), "gk", s("g"), TTL, s(Long.toString(now - 60))),
        item("pk", s("missing"), "gk", s("g")),
        item("pk", s("ancient"), "gk", s("g"), TTL, n(sixYearsAgo)))) {
      dynamoDb.putItem(request -> request.tableName(expiry).item(item));
    }
    dynamoDb.updateTimeToLive(request -> request.tableName(expiry).timeToLiveSpecification(enable(TTL)));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html
  // Observed answer: dynalite test/describeTimeToLive.js ({"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}).
  @Test
  void describesTtlOfANewTableAsDisabledWithoutAttribute(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DescribeTimeToLive", "{\"TableName\":\"" + fresh + "\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().toString()).isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
  // "A successful UpdateTimeToLive call returns the current TimeToLiveSpecification."
  @Test
  void answersAnEnableWithTheSpecification() {
    assertThat(enabledAnswer.attributeName()).isEqualTo(TTL);
    assertThat(enabledAnswer.enabled()).isTrue();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TimeToLiveDescription.html
  @Test
  void describesEnabledTtlWithItsAttribute(DynamoDbClient dynamoDb) {
    Waits.forConsistency().untilAsserted(() -> {
      TimeToLiveDescription description =
          dynamoDb.describeTimeToLive(request -> request.tableName(enabled)).timeToLiveDescription();
      assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(description.attributeName()).isEqualTo(TTL);
    });
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
  @Test
  void rejectsEnablingTtlThatIsAlreadyEnabled(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(enabled).timeToLiveSpecification(enable(TTL))),
        "TimeToLive is already enabled");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-how-to.html
  // One TTL attribute per table: another one needs TTL disabled first. Observed text (2026, checked before
  // the cooldown): ack-api-quirks dynamodb DDB-TABLE-143, -147.
  @Test
  void rejectsEnablingAnotherAttributeWhileEnabled(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(enabled).timeToLiveSpecification(enable("other"))),
        "TimeToLive is active on a different AttributeName: current AttributeName is " + TTL);
  }

  // Observed 2026: disabling another attribute than the enabled one (ack-api-quirks dynamodb DDB-TABLE-146).
  @Test
  void rejectsDisablingAnotherAttribute(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(enabled).timeToLiveSpecification(disable("other"))),
        "TimeToLive is active on a different AttributeName: current AttributeName is " + TTL);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html
  // TableName: "You can also provide the Amazon Resource Name (ARN) of the table in this parameter."
  @Test
  void describesTtlOfATableNamedByItsArn(DynamoDbClient dynamoDb) {
    String arn = dynamoDb.describeTable(request -> request.tableName(enabled)).table().tableArn();
    Waits.forConsistency().untilAsserted(() -> assertThat(
        dynamoDb.describeTimeToLive(request -> request.tableName(arn)).timeToLiveDescription().attributeName())
        .isEqualTo(TTL));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
  @Test
  void rejectsDisablingTtlThatIsDisabled(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(fresh).timeToLiveSpecification(disable(TTL))),
        "TimeToLive is already disabled");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
  // "It can take up to one hour for the change to fully process. Any additional UpdateTimeToLive calls
  // for the same table during this one hour duration result in a ValidationException." Observed 2026: the
  // text, and about 31 minutes (ack-api-quirks dynamodb DDB-TABLE-143).
  @Test
  void rejectsASecondChangeWithinTheHour(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(cooling).timeToLiveSpecification(disable(TTL))),
        "Time to live has been modified multiple times within a fixed interval");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TimeToLiveSpecification.html
  // AttributeName: "Length Constraints: Minimum length of 1. Maximum length of 255."
  @Test
  void rejectsAnEmptyAttributeName(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(fresh).timeToLiveSpecification(enable(""))),
        "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 1");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
  // TimeToLiveSpecification: "Required: Yes"
  @Test
  void rejectsAnUpdateWithoutSpecification(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("UpdateTimeToLive", "{\"TableName\":\"" + fresh + "\"}");

    assertThat(answer.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(answer.message()).isEqualTo("1 validation error detected: Value null at 'timeToLiveSpecification' "
        + "failed to satisfy constraint: Member must not be null");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html
  // Observed text: dynalite test/describeTimeToLive.js.
  @Test
  void rejectsDescribingAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("ttl-missing");
    assertNotFound(
        () -> dynamoDb.describeTimeToLive(request -> request.tableName(missing)),
        "Requested resource not found: Table: " + missing + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html (ResourceNotFoundException)
  // Observed text (2026): ack-api-quirks dynamodb DDB-TABLE-070, -098.
  @Test
  void rejectsUpdatingAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("ttl-missing");
    assertNotFound(
        () -> dynamoDb.updateTimeToLive(request -> request.tableName(missing).timeToLiveSpecification(enable(TTL))),
        "Requested resource not found: Table: " + missing + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
  // DynamoDB deletes an item some time after the epoch second in its TTL attribute has passed.
  @Test
  void deletesAnItemWhoseTtlHasPassed(DynamoDbClient dynamoDb) {
    awaitExpiry(dynamoDb);

    assertThat(dynamoDb.getItem(request -> request.tableName(expiry).key(item("pk", s("expired"))).consistentRead(true)).hasItem())
        .isFalse();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
  // "As items are deleted, they are removed from any local secondary index and global secondary index".
  @Test
  void removesAnExpiredItemFromGlobalIndexes(DynamoDbClient dynamoDb) {
    awaitExpiry(dynamoDb);

    Waits.forConsistency().untilAsserted(() -> assertThat(dynamoDb.query(request -> request
            .tableName(expiry)
            .indexName("byGk")
            .keyConditionExpression("gk = :g")
            .expressionAttributeValues(Map.of(":g", s("g"))))
        .items())
        .extracting(item -> item.get("pk").s())
        .containsExactlyInAnyOrder("future", "string", "missing", "ancient"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
  // An item expires once the epoch time in its TTL attribute has passed.
  @Test
  void keepsAnItemWhoseTtlIsInTheFuture(DynamoDbClient dynamoDb) {
    awaitExpiry(dynamoDb);

    assertThat(stillThere(dynamoDb, "future")).isTrue();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
  // "If you use any other format, the TTL processes ignore the item." (the TTL attribute must be a Number)
  @Test
  void keepsAnItemWhoseTtlIsNotANumber(DynamoDbClient dynamoDb) {
    awaitExpiry(dynamoDb);

    assertThat(stillThere(dynamoDb, "string")).isTrue();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
  @Test
  void keepsAnItemWithoutTheTtlAttribute(DynamoDbClient dynamoDb) {
    awaitExpiry(dynamoDb);

    assertThat(stillThere(dynamoDb, "missing")).isTrue();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
  // "To be considered for expiry and deletion, the TTL can't be more than five years in the past."
  @Test
  void keepsAnItemWhoseTtlIsMoreThanFiveYearsPast(DynamoDbClient dynamoDb) {
    awaitExpiry(dynamoDb);

    assertThat(stillThere(dynamoDb, "ancient")).isTrue();
  }

  /** Waits once per class for the expired item to go, so that the "kept" cases check after a sweep. */
  private static synchronized void awaitExpiry(DynamoDbClient dynamoDb) {
    if (expirySeen) {
      return;
    }
    if (expiryFailure != null) {
      throw expiryFailure;
    }
    try {
      await().pollInterval(Duration.ofMillis(ConformanceTarget.remote() ? 60_000 : 250))
          .atMost(expiryWait())
          .until(() -> !stillThere(dynamoDb, "expired"));
      expirySeen = true;
    } catch (ConditionTimeoutException e) {
      expiryFailure = new AssertionError("the expired item was not deleted within " + expiryWait(), e);
      throw expiryFailure;
    }
  }

  private static Duration expiryWait() {
    String setting = System.getProperty("dynamodb.conformance.ttl-expiry-wait");
    if (setting != null) {
      return Duration.parse(setting);
    }
    return ConformanceTarget.remote() ? Duration.ofDays(2) : Duration.ofSeconds(30);
  }

  private static boolean stillThere(DynamoDbClient dynamoDb, String pk) {
    return dynamoDb.getItem(request -> request.tableName(expiry).key(item("pk", s(pk))).consistentRead(true)).hasItem();
  }

  private static TimeToLiveSpecification enable(String attribute) {
    return TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build();
  }

  private static TimeToLiveSpecification disable(String attribute) {
    return TimeToLiveSpecification.builder().attributeName(attribute).enabled(false).build();
  }
}
