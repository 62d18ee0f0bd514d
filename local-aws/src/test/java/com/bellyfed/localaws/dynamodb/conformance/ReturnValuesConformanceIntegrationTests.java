package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * ReturnValues on writes: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html,
 * API_UpdateItem.html and API_DeleteItem.html (same directory), and
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ReturnValues.
 */
@ConformanceTest
class ReturnValuesConformanceIntegrationTests {

  private static String table;

  @BeforeAll
  static void createTable(Tables tables) {
    table = tables.create("returnvalues", false);
  }

  private static Map<String, AttributeValue> given(DynamoDbClient dynamoDb, Object... namesAndValues) {
    Map<String, AttributeValue> item = item(namesAndValues);
    item.put("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    return item;
  }

  private static UpdateItemResponse update(
      DynamoDbClient dynamoDb, AttributeValue pk, String returnValues, String expression, Object... values) {
    return dynamoDb.updateItem(request -> {
      request.tableName(table).key(item("pk", pk)).updateExpression(expression).returnValues(returnValues);
      if (values.length > 0) {
        request.expressionAttributeValues(item(values));
      }
    });
  }

  // PutItem: "ALL_OLD - If PutItem overwrote an attribute name-value pair, then the content of the
  // old item is returned."
  @Test
  void putItemReturnsTheOverwrittenItemWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("old"));

    Map<String, AttributeValue> attributes = dynamoDb.putItem(request -> request
        .tableName(table).item(item("pk", old.get("pk"), "b", s("new"))).returnValues("ALL_OLD")).attributes();

    assertThat(attributes).isEqualTo(old);
  }

  // "... If PutItem created a new item, nothing is returned."
  @Test
  void putItemReturnsNothingForANewItemWithAllOld(DynamoDbClient dynamoDb) {
    assertThat(dynamoDb.putItem(request -> request
            .tableName(table).item(item("pk", s(unique()))).returnValues("ALL_OLD")).hasAttributes())
        .isFalse();
  }

  // "NONE - If ReturnValues is not specified, or if its value is NONE, then nothing is returned."
  @Test
  void putItemReturnsNothingWithNone(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("old"));

    assertThat(dynamoDb.putItem(request -> request.tableName(table).item(old).returnValues("NONE")).hasAttributes())
        .isFalse();
  }

  // PutItem: "The ReturnValues parameter is used by several DynamoDB operations; however, PutItem
  // does not recognize any values other than NONE or ALL_OLD." DeleteItem says the same.
  @ParameterizedTest
  @ValueSource(strings = {"UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"})
  void putItemRefusesOtherReturnValues(String returnValues, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(table).item(item("pk", s(unique()))).returnValues(returnValues)),
        "ReturnValues can only be ALL_OLD or NONE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"})
  void deleteItemRefusesOtherReturnValues(String returnValues, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.deleteItem(request -> request.tableName(table).key(item("pk", s(unique()))).returnValues(returnValues)),
        "ReturnValues can only be ALL_OLD or NONE");
  }

  // ReturnValues is an enum: "Valid Values: NONE | ALL_OLD | UPDATED_OLD | ALL_NEW | UPDATED_NEW".
  @Test
  void refusesAnUnknownReturnValues(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(table).item(item("pk", s(unique()))).returnValues("EVERYTHING")),
        "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
  }

  @Test
  void deleteItemReturnsTheDeletedItemWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("x"));

    assertThat(dynamoDb.deleteItem(request -> request
            .tableName(table).key(item("pk", old.get("pk"))).returnValues("ALL_OLD")).attributes())
        .isEqualTo(old);
  }

  // UpdateItem: "ALL_OLD - Returns all of the attributes of the item, as they appeared before the
  // UpdateItem operation."
  @Test
  void updateItemReturnsTheWholeOldItemWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("1"), "b", s("2"));

    UpdateItemResponse response = update(dynamoDb, old.get("pk"), "ALL_OLD", "SET b = :v", ":v", s("3"));

    assertThat(response.attributes()).isEqualTo(old);
  }

  // "UPDATED_OLD - Returns only the updated attributes, as they appeared before the UpdateItem operation."
  @Test
  void updateItemReturnsOnlyTheUpdatedOldValuesWithUpdatedOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("1"), "b", s("2"), "c", s("3"));

    UpdateItemResponse response =
        update(dynamoDb, old.get("pk"), "UPDATED_OLD", "SET b = :v, added = :v REMOVE c", ":v", s("new"));

    assertThat(response.attributes()).isEqualTo(item("b", s("2"), "c", s("3")));
  }

  // "ALL_NEW - Returns all of the attributes of the item, as they appear after the UpdateItem operation."
  @Test
  void updateItemReturnsTheWholeNewItemWithAllNew(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("1"), "b", s("2"));

    UpdateItemResponse response = update(dynamoDb, old.get("pk"), "ALL_NEW", "SET b = :v REMOVE a", ":v", s("3"));

    assertThat(response.attributes()).isEqualTo(item("pk", old.get("pk"), "b", s("3")));
  }

  // "UPDATED_NEW - Returns only the updated attributes, as they appear after the UpdateItem operation."
  @Test
  void updateItemReturnsOnlyTheUpdatedNewValuesWithUpdatedNew(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("1"), "n", n("1"), "c", s("gone"));

    UpdateItemResponse response =
        update(dynamoDb, old.get("pk"), "UPDATED_NEW", "SET n = n + :one, added = :v REMOVE c", ":one", n("1"), ":v", s("x"));

    assertThat(response.attributes()).isEqualTo(item("n", n("2"), "added", s("x")));
  }

  @Test
  void updateItemReturnsNothingWithNone(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "a", s("1"));

    assertThat(update(dynamoDb, old.get("pk"), "NONE", "SET a = :v", ":v", s("2")).hasAttributes()).isFalse();
  }

  // UPDATED_OLD of an update that creates the item: there were no old values.
  @Test
  void updatedOldOfANewItemReturnsNothing(DynamoDbClient dynamoDb) {
    assertThat(update(dynamoDb, s(unique()), "UPDATED_OLD", "SET a = :v", ":v", s("1")).hasAttributes()).isFalse();
  }

  // ALL_NEW of an update that creates the item: the key and the new attributes.
  @Test
  void allNewOfANewItemReturnsTheKeyAndTheNewAttributes(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());

    assertThat(update(dynamoDb, pk, "ALL_NEW", "SET a = :v", ":v", s("1")).attributes())
        .isEqualTo(item("pk", pk, "a", s("1")));
  }

  // On nested paths only the touched paths are returned, within their enclosing maps and lists.
  @Test
  void updatedOldOfANestedUpdateReturnsOnlyTheTouchedPaths(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old =
        given(dynamoDb, "doc", m("b", s("dog"), "c", l(n("1"), n("2"), n("3")), "d", s("keep")), "other", s("x"));

    UpdateItemResponse response =
        update(dynamoDb, old.get("pk"), "UPDATED_OLD", "SET doc.b = :v, doc.c[1] = :n", ":v", s("cat"), ":n", n("7"));

    assertThat(response.attributes()).isEqualTo(item("doc", m("b", s("dog"), "c", l(n("2")))));
  }

  @Test
  void updatedNewOfANestedUpdateReturnsOnlyTheTouchedPaths(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old =
        given(dynamoDb, "doc", m("b", s("dog"), "c", l(n("1"), n("2"), n("3")), "d", s("keep")), "other", s("x"));

    UpdateItemResponse response =
        update(dynamoDb, old.get("pk"), "UPDATED_NEW", "SET doc.b = :v, doc.c[1] = :n", ":v", s("cat"), ":n", n("7"));

    assertThat(response.attributes()).isEqualTo(item("doc", m("b", s("cat"), "c", l(n("7")))));
  }

  // Attributes that an update creates inside a map have no old value.
  @Test
  void updatedOldOfANewNestedKeyReturnsNothing(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> old = given(dynamoDb, "doc", m("b", s("dog")));

    assertThat(update(dynamoDb, old.get("pk"), "UPDATED_OLD", "SET doc.z = :v", ":v", s("new")).hasAttributes()).isFalse();
  }
}
