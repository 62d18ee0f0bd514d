package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item and key size limits:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
 * ("The maximum item size in DynamoDB is 400 KB, which includes both attribute name binary length
 * (UTF-8 length) and attribute value lengths (again binary length)") and
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
 * (partition key values up to 2048 bytes, sort key values up to 1024 bytes). Error texts are AWS's as
 * dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class ItemSizeLimitsConformanceIntegrationTests {

  private static final int MAX_ITEM_BYTES = 400 * 1024;

  private static String hashTable;
  private static String rangeTable;

  @BeforeAll
  static void createTables(Tables tables) {
    hashTable = tables.create("itemsize", false);
    rangeTable = tables.create("itemsize-range", true);
  }

  /** An item {pk, b} whose names and values add up to exactly {@code bytes}, all ASCII. */
  private static Map<String, AttributeValue> itemOfSize(int bytes) {
    String pk = unique();
    int valueLength = bytes - "pk".length() - pk.length() - "b".length();
    return item("pk", s(pk), "b", s("x".repeat(valueLength)));
  }

  @Test
  void acceptsAnItemOfExactly400Kb(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = itemOfSize(MAX_ITEM_BYTES);

    dynamoDb.putItem(request -> request.tableName(hashTable).item(item));

    assertThat(dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", item.get("pk"))).consistentRead(true)).item())
        .isEqualTo(item);
  }

  @Test
  void rejectsAnItemOneByteOver400Kb(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(itemOfSize(MAX_ITEM_BYTES + 1))),
        "Item size has exceeded the maximum allowed size");
  }

  // Attribute names count as much as values.
  @Test
  void countsAttributeNamesTowardsTheSize(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = itemOfSize(MAX_ITEM_BYTES - 10);
    item.put("ten-chars!", s(""));

    dynamoDb.putItem(request -> request.tableName(hashTable).item(item));
    item.put("one-more-char", s(""));
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item)),
        "Item size has exceeded the maximum allowed size");
  }

  // Strings count in UTF-8 bytes, not characters: 'é' is two bytes.
  @Test
  void countsStringsInUtf8Bytes(DynamoDbClient dynamoDb) {
    String pk = unique();
    int characters = (MAX_ITEM_BYTES - "pk".length() - pk.length() - "b".length()) / 2 + 1;

    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", s(pk), "b", s("é".repeat(characters))))),
        "Item size has exceeded the maximum allowed size");
  }

  // "The minimum length of a partition key value is 1 byte. The maximum length is 2048 bytes."
  @Test
  void acceptsAPartitionKeyOf2048Bytes(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique() + "k".repeat(2048 - 36)));

    dynamoDb.putItem(request -> request.tableName(hashTable).item(key));

    assertThat(dynamoDb.getItem(request -> request.tableName(hashTable).key(key).consistentRead(true)).item()).isEqualTo(key);
  }

  @Test
  void rejectsAPartitionKeyOver2048Bytes(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", s(unique() + "k".repeat(2049 - 36))))),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }

  // "The minimum length of a sort key value is 1 byte. The maximum length is 1024 bytes."
  @Test
  void acceptsASortKeyOf1024Bytes(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()), "sk", s("s".repeat(1024)));

    dynamoDb.putItem(request -> request.tableName(rangeTable).item(key));

    assertThat(dynamoDb.getItem(request -> request.tableName(rangeTable).key(key).consistentRead(true)).item()).isEqualTo(key);
  }

  @Test
  void rejectsASortKeyOver1024Bytes(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", s(unique()), "sk", s("s".repeat(1025))))),
        "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of"
            + " 1024 bytes");
  }

  // The key limits apply to reads too.
  @Test
  void rejectsAGetItemKeyOver2048Bytes(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", s("k".repeat(2049))))),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }

  // ---- nesting: "up to 32 levels deep"
  // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Document),
  // counting the attribute itself as the first level; observations: paritysuite/dynamodb-conformance
  // tests/tier3/limits/nestingDepth.test.ts and validation-ordering/deepRequests.test.ts (AWS, 2026).

  private static final String TOO_DEEP =
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

  /** A string leaf wrapped in {@code maps} single-key maps. */
  private static AttributeValue nested(int maps) {
    AttributeValue value = s("leaf");
    for (int i = 0; i < maps; i++) {
      value = AttributeValue.fromM(Map.of("n", value));
    }
    return value;
  }

  @Test
  void acceptsAnAttributeOf32LevelsAndRejects33(DynamoDbClient dynamoDb) {
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", s(unique()), "d", nested(31))));
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", s(unique()), "d", nested(32)))),
        TOO_DEEP);
  }

  // An update may not nest the item deeper than a put may.
  @Test
  void rejectsAnUpdateThatNestsTheItemTooDeep(DynamoDbClient dynamoDb) {
    String pk = unique();
    assertValidation(
        () -> dynamoDb.updateItem(request -> request.tableName(hashTable).key(item("pk", s(pk)))
            .updateExpression("SET d = :d").expressionAttributeValues(Map.of(":d", nested(32)))),
        TOO_DEEP);
    assertThat(dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", s(pk))).consistentRead(true)).hasItem())
        .isFalse();
  }

  // A value of 32 maps is accepted where it is only compared (the split registry's classic answer,
  // eu-south-2 and me-central-1: the condition is evaluated), one of 40 refused with its key named.
  @Test
  void acceptsAComparedValueOf32MapsAndRejects40(DynamoDbClient dynamoDb) {
    ItemAssertions.assertConditionFails(() -> dynamoDb.updateItem(request -> request.tableName(hashTable).key(item("pk", s(unique())))
        .updateExpression("SET t = :t").conditionExpression("d = :deep")
        .expressionAttributeValues(Map.of(":t", s("y"), ":deep", nested(32)))));
    assertValidation(
        () -> dynamoDb.updateItem(request -> request.tableName(hashTable).key(item("pk", s(unique())))
            .updateExpression("SET t = :t").conditionExpression("d = :deep")
            .expressionAttributeValues(Map.of(":t", s("y"), ":deep", nested(40)))),
        "ExpressionAttributeValues contains invalid value: " + TOO_DEEP + " for key :deep");
  }
}
