package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertConditionFails;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ns;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ss;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The legacy conditional parameters:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Expected.html,
 * .../LegacyConditionalParameters.ConditionalOperator.html, .../LegacyConditionalParameters.AttributeUpdates.html
 * and .../LegacyConditionalParameters.AttributesToGet.html (same directory). Error texts are AWS's
 * as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class LegacyParametersConformanceIntegrationTests {

  private static String table;

  @BeforeAll
  static void createTable(Tables tables) {
    table = tables.create("legacy", false);
  }

  private static Map<String, AttributeValue> given(DynamoDbClient dynamoDb, Object... namesAndValues) {
    Map<String, AttributeValue> item = item(namesAndValues);
    item.put("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    return item("pk", item.get("pk"));
  }

  private static Map<String, AttributeValue> read(DynamoDbClient dynamoDb, Map<String, AttributeValue> key) {
    return dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
  }

  private static ExpectedAttributeValue expectedValue(AttributeValue value) {
    return ExpectedAttributeValue.builder().value(value).exists(true).build();
  }

  private static ExpectedAttributeValue expectedAbsent() {
    return ExpectedAttributeValue.builder().exists(false).build();
  }

  private static ExpectedAttributeValue compare(ComparisonOperator operator, AttributeValue... values) {
    return ExpectedAttributeValue.builder().comparisonOperator(operator).attributeValueList(values).build();
  }

  /** A conditional write of {@code touched} only, guarded by {@code expected}. */
  private static void writeIf(
      DynamoDbClient dynamoDb, Map<String, AttributeValue> key, Map<String, ExpectedAttributeValue> expected,
      ConditionalOperator operator) {
    dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(key)
        .attributeUpdates(Map.of("touched", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s(unique())).build()))
        .expected(expected)
        .conditionalOperator(operator));
  }

  private static AttributeValueUpdate action(AttributeAction action, AttributeValue value) {
    return AttributeValueUpdate.builder().action(action).value(value).build();
  }

  // --- Expected

  // "Value ... Exists - true: DynamoDB will check to see if that attribute value already exists in
  // the table. If it is found, then the condition evaluates to true".
  @Test
  void expectedValueHoldsForAnEqualValue(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "v", s("x"));

    writeIf(dynamoDb, key, Map.of("v", expectedValue(s("x"))), null);
  }

  @Test
  void expectedValueFailsForAnotherValue(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "v", s("x"));

    assertConditionFails(() -> writeIf(dynamoDb, key, Map.of("v", expectedValue(s("y"))), null));
  }

  // "Exists - false: DynamoDB assumes that the attribute value does not exist in the table. If in
  // fact the value does not exist, then the assumption is valid and the condition evaluates to true."
  @Test
  void expectedAbsentHoldsForAMissingAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "v", s("x"));

    writeIf(dynamoDb, key, Map.of("w", expectedAbsent()), null);
  }

  @Test
  void expectedAbsentFailsForAPresentAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "v", s("x"));

    assertConditionFails(() -> writeIf(dynamoDb, key, Map.of("v", expectedAbsent()), null));
  }

  // "ComparisonOperator - A comparator for evaluating attributes in the AttributeValueList."
  @Test
  void comparisonOperatorsCompareWithTheAttributeValueList(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("5"), "s", s("hello"), "tags", ss("a", "b"));

    writeIf(dynamoDb, key, Map.of("n", compare(ComparisonOperator.GT, n("4"))), null);
    writeIf(dynamoDb, key, Map.of("n", compare(ComparisonOperator.BETWEEN, n("5"), n("9"))), null);
    writeIf(dynamoDb, key, Map.of("n", compare(ComparisonOperator.IN, n("1"), n("5"))), null);
    writeIf(dynamoDb, key, Map.of("s", compare(ComparisonOperator.BEGINS_WITH, s("he"))), null);
    writeIf(dynamoDb, key, Map.of("tags", compare(ComparisonOperator.CONTAINS, s("a"))), null);
    writeIf(dynamoDb, key, Map.of("tags", compare(ComparisonOperator.NOT_CONTAINS, s("z"))), null);
    writeIf(dynamoDb, key, Map.of("s", compare(ComparisonOperator.NOT_NULL), "absent", compare(ComparisonOperator.NULL)), null);
  }

  @Test
  void comparisonOperatorFailsWhenTheComparisonIsFalse(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("5"));

    assertConditionFails(() -> writeIf(dynamoDb, key, Map.of("n", compare(ComparisonOperator.LT, n("5"))), null));
  }

  // ConditionalOperator: "AND - If all of the conditions evaluate to true, then the entire map
  // evaluates to true. OR - If at least one of the conditions evaluate to true ... The default is AND."
  @Test
  void conditionalOperatorOrNeedsOneConditionOnly(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("1"), "b", s("2"));
    Map<String, ExpectedAttributeValue> oneHolds = new LinkedHashMap<>();
    oneHolds.put("a", expectedValue(s("1")));
    oneHolds.put("b", expectedValue(s("wrong")));

    writeIf(dynamoDb, key, oneHolds, ConditionalOperator.OR);
    assertConditionFails(() -> writeIf(dynamoDb, key, oneHolds, null));
  }

  // ConditionalOperator joins two or more conditions: with one it is refused
  // (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts, AWS 2026,
  // for a ScanFilter; DynamoDB Local refuses Expected alike).
  @Test
  void rejectsAConditionalOperatorWithOneCondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> writeIf(dynamoDb, item("pk", s(unique())), Map.of("a", expectedAbsent()), ConditionalOperator.AND),
        "ConditionalOperator can only be used when Filter or Expected has two or more elements");
  }

  // "Value ... must be provided when Exists is true"; "Value cannot be used when Exists is false".
  @Test
  void rejectsExistsTrueWithoutAValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> writeIf(dynamoDb, item("pk", s(unique())), Map.of("a", ExpectedAttributeValue.builder().exists(true).build()), null),
        "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a");
  }

  @Test
  void rejectsExistsFalseWithAValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> writeIf(dynamoDb, item("pk", s(unique())),
            Map.of("a", ExpectedAttributeValue.builder().exists(false).value(s("x")).build()), null),
        "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a");
  }

  @Test
  void rejectsExistsWithAComparisonOperator(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> writeIf(dynamoDb, item("pk", s(unique())),
            Map.of("a", ExpectedAttributeValue.builder().exists(true).comparisonOperator(ComparisonOperator.LT)
                .attributeValueList(s("x")).build()), null),
        "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for"
            + " Attribute: a");
  }

  // "BETWEEN ... AttributeValueList must contain two AttributeValue elements of the same type".
  @Test
  void rejectsBetweenWithOneValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> writeIf(dynamoDb, item("pk", s(unique())), Map.of("a", compare(ComparisonOperator.BETWEEN, n("1"))), null),
        "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
  }

  // --- AttributeUpdates

  // "PUT - Adds the specified attribute to the item. If the attribute already exists, it is replaced
  // by the new value."
  @Test
  void putActionSetsTheAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("old"));

    dynamoDb.updateItem(request -> request.tableName(table).key(key)
        .attributeUpdates(Map.of("a", action(AttributeAction.PUT, s("new")), "b", action(AttributeAction.PUT, n("1")))));

    assertThat(read(dynamoDb, key)).containsEntry("a", s("new")).containsEntry("b", n("1"));
  }

  // "ADD - If the existing attribute is a number, and if Value is also a number, then Value is
  // mathematically added to the existing attribute ... If the existing data type is a set, and if
  // Value is also a set, then Value is appended to the existing set."
  @Test
  void addActionAddsNumbersAndMergesSets(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("1"), "tags", ss("a"));

    dynamoDb.updateItem(request -> request.tableName(table).key(key)
        .attributeUpdates(Map.of("n", action(AttributeAction.ADD, n("2")), "tags", action(AttributeAction.ADD, ss("b")))));

    Map<String, AttributeValue> item = read(dynamoDb, key);
    assertThat(item.get("n")).isEqualTo(n("3"));
    assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
  }

  // "If no item with the specified Key is found: ADD - DynamoDB creates an item with the supplied
  // primary key and number (or set of numbers) for the attribute value."
  @Test
  void addActionCreatesTheItemWithTheNumber(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    dynamoDb.updateItem(request -> request.tableName(table).key(key)
        .attributeUpdates(Map.of("n", action(AttributeAction.ADD, n("7")))));

    assertThat(read(dynamoDb, key)).isEqualTo(item("pk", key.get("pk"), "n", n("7")));
  }

  // "DELETE - If no value is specified, the attribute and its value are removed from the item ... If
  // a set of values is specified, then those values are subtracted from the old set."
  @Test
  void deleteActionRemovesAttributesAndSetElements(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "gone", s("x"), "nums", ns("1", "2", "3"));

    dynamoDb.updateItem(request -> request.tableName(table).key(key).attributeUpdates(Map.of(
        "gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
        "nums", action(AttributeAction.DELETE, ns("1", "3")))));

    assertThat(read(dynamoDb, key)).isEqualTo(item("pk", key.get("pk"), "nums", ns("2")));
  }

  // "ADD ... This action is only valid for an existing attribute whose data type is number or is a set."
  @Test
  void rejectsAddingAString(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request.tableName(table).key(item("pk", s(unique())))
            .attributeUpdates(Map.of("a", action(AttributeAction.ADD, s("x"))))),
        "One or more parameter values were invalid: ADD action is not supported for the type S");
  }

  @Test
  void rejectsDeletingAStringValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request.tableName(table).key(item("pk", s(unique())))
            .attributeUpdates(Map.of("a", action(AttributeAction.DELETE, s("x"))))),
        "One or more parameter values were invalid: DELETE action with value is not supported for the type S");
  }

  @Test
  void rejectsUpdatingTheKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request.tableName(table).key(item("pk", s(unique())))
            .attributeUpdates(Map.of("pk", action(AttributeAction.PUT, s("other"))))),
        "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
  }

  // --- AttributesToGet

  // "AttributesToGet - an array of one or more attributes to retrieve from the table".
  @Test
  void attributesToGetReturnsOnlyThoseAttributes(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("1"), "b", s("2"), "c", s("3"));

    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
        .tableName(table).key(key).consistentRead(true).attributesToGet("a", "c", "absent")).item();

    assertThat(item).isEqualTo(item("a", s("1"), "c", s("3")));
  }

  @Test
  void rejectsDuplicateAttributesToGet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(table).key(item("pk", s(unique()))).attributesToGet("a", "a")),
        "One or more parameter values were invalid: Duplicate value in attribute name: a");
  }

  // --- Mixing legacy parameters with expressions

  // "You cannot use both legacy and expression parameters in a single API call; otherwise, DynamoDB
  // returns a ValidationException" (Legacy conditional parameters overview).
  @Test
  void rejectsExpectedWithAConditionExpression(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request
            .tableName(table)
            .item(item("pk", s(unique())))
            .expected(Map.of("a", expectedAbsent()))
            .conditionExpression("attribute_not_exists(a)")),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {Expected} Expression parameters: {ConditionExpression}");
  }

  @Test
  void rejectsAttributeUpdatesWithAnUpdateExpression(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request
            .tableName(table)
            .key(item("pk", s(unique())))
            .attributeUpdates(Map.of("a", action(AttributeAction.PUT, s("x"))))
            .updateExpression("SET b = :b")
            .expressionAttributeValues(Map.of(":b", s("y")))),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {AttributeUpdates} Expression parameters: {UpdateExpression}");
  }

  @Test
  void rejectsAttributeUpdatesWithAConditionExpression(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request
            .tableName(table)
            .key(item("pk", s(unique())))
            .attributeUpdates(Map.of("a", action(AttributeAction.PUT, s("x"))))
            .conditionExpression("attribute_not_exists(a)")),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {AttributeUpdates} Expression parameters: {ConditionExpression}");
  }

  @Test
  void rejectsAttributesToGetWithAProjectionExpression(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request
            .tableName(table)
            .key(item("pk", s(unique())))
            .attributesToGet(List.of("a"))
            .projectionExpression("a")),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {AttributesToGet} Expression parameters: {ProjectionExpression}");
  }
}
