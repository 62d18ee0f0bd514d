package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertConditionFails;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertTableNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;

/**
 * DeleteItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html.
 * Key errors carry AWS's texts as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class DeleteItemConformanceIntegrationTests {

  private static String hashTable;
  private static String rangeTable;

  @BeforeAll
  static void createTables(Tables tables) {
    hashTable = tables.create("deleteitem", false);
    rangeTable = tables.create("deleteitem-range", true);
  }

  private static boolean exists(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key) {
    return dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).hasItem();
  }

  // "Deletes a single item in a table by primary key."
  @Test
  void deletesTheItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", key.get("pk"), "a", s("x"))));

    DeleteItemResponse response = dynamoDb.deleteItem(request -> request.tableName(hashTable).key(key));

    assertThat(response.hasAttributes()).isFalse();
    assertThat(exists(dynamoDb, hashTable, key)).isFalse();
  }

  // "Unless you specify conditions, the DeleteItem is an idempotent operation; running it multiple
  // times on the same item or attribute does not result in an error response."
  @Test
  void deletingAMissingItemSucceeds(DynamoDbClient dynamoDb) {
    DeleteItemResponse response = dynamoDb.deleteItem(request -> request.tableName(hashTable).key(item("pk", s(unique()))));

    assertThat(response.hasAttributes()).isFalse();
  }

  @Test
  void deletesOnlyTheItemWithBothKeys(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", pk, "sk", s("a"))));
    dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", pk, "sk", s("b"))));

    dynamoDb.deleteItem(request -> request.tableName(rangeTable).key(item("pk", pk, "sk", s("a"))));

    assertThat(exists(dynamoDb, rangeTable, item("pk", pk, "sk", s("a")))).isFalse();
    assertThat(exists(dynamoDb, rangeTable, item("pk", pk, "sk", s("b")))).isTrue();
  }

  // "ReturnValues ... ALL_OLD - The content of the old item is returned."
  @Test
  void returnsTheDeletedItemWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "a", s("x"), "n", n("1"));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item));

    DeleteItemResponse response =
        dynamoDb.deleteItem(request -> request.tableName(hashTable).key(item("pk", item.get("pk"))).returnValues("ALL_OLD"));

    assertThat(response.attributes()).isEqualTo(item);
  }

  // "Conditional deletes are useful for deleting items only if specific conditions are met."
  @Test
  void keepsTheItemWhenTheConditionFails(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", key.get("pk"), "state", s("open"))));

    assertConditionFails(() -> dynamoDb.deleteItem(request -> request
        .tableName(hashTable)
        .key(key)
        .conditionExpression("#s = :closed")
        .expressionAttributeNames(Map.of("#s", "state"))
        .expressionAttributeValues(Map.of(":closed", s("closed")))));

    assertThat(exists(dynamoDb, hashTable, key)).isTrue();
  }

  @Test
  void deletesWhenTheConditionHolds(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", key.get("pk"), "state", s("closed"))));

    dynamoDb.deleteItem(request -> request
        .tableName(hashTable)
        .key(key)
        .conditionExpression("#s = :closed")
        .expressionAttributeNames(Map.of("#s", "state"))
        .expressionAttributeValues(Map.of(":closed", s("closed"))));

    assertThat(exists(dynamoDb, hashTable, key)).isFalse();
  }

  // A condition on a missing item sees no attributes: attribute_exists fails.
  @Test
  void conditionOnAMissingItemFails(DynamoDbClient dynamoDb) {
    assertConditionFails(() -> dynamoDb.deleteItem(request -> request
        .tableName(hashTable)
        .key(item("pk", s(unique())))
        .conditionExpression("attribute_exists(pk)")));
  }

  // Key: "you must provide all of the attributes" of the primary key, and only those.
  @Test
  void rejectsKeyWithAnExtraAttribute(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.deleteItem(request -> request.tableName(hashTable).key(item("pk", s("a"), "a", s("b")))),
        "The provided key element does not match the schema");
  }

  @Test
  void rejectsKeyWithoutTheSortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.deleteItem(request -> request.tableName(rangeTable).key(item("pk", s("a")))),
        "The provided key element does not match the schema");
  }

  @Test
  void rejectsKeyOfTheWrongType(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.deleteItem(request -> request.tableName(hashTable).key(item("pk", n("1")))),
        "The provided key element does not match the schema");
  }

  @Test
  void rejectsUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    assertTableNotFound(() -> dynamoDb.deleteItem(request -> request.tableName(tables.name("missing")).key(item("pk", s("a")))));
  }
}
