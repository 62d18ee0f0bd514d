package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PutItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html); messages
 * as dynalite's test/putItem.js and the dynamodb-conformance suites record them from AWS. An item may
 * be 400 KB (409,600 bytes by AWS's size rules) and 32 levels deep, the attribute itself the first.
 */
class PutItemTests {

  private static final String NEST =
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

  private static String deep(int maps) {
    String value = "{'S': 'leaf'}";
    for (int i = 0; i < maps; i++) {
      value = "{'M': {'n': " + value + "}}";
    }
    return value;
  }

  @Test
  void reportsEnumsAndMissingItemTogether() {
    assertValidation("PutItem", "{'TableName': 'abc', 'ReturnConsumedCapacity': 'hi', 'ReturnItemCollectionMetrics': 'hi',"
            + " 'ReturnValues': 'hi'}",
        "4 validation errors detected: Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; Value null at 'item' failed to satisfy constraint:"
            + " Member must not be null; Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [SIZE, NONE]");
  }

  @Test
  void refusesInvalidItemValue() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'a': {'SS': []}}}",
        "One or more parameter values were invalid: An string set  may not be empty");
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'a': {'M': {'b': {'L': [{'NULL': false}]}}}}}",
        "One or more parameter values were invalid: Null attribute value types must have the value of true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"})
  void returnsOnlyTheOldItem(String returnValues) {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {}, 'ReturnValues': '" + returnValues + "'}",
        "ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void checksItemValuesBeforeReturnValues() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'a': {}}, 'ReturnValues': 'ALL_NEW'}",
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  }

  @Test
  void acceptsItemOfExactly400Kilobytes() {
    assertAccepted("PutItem", "{'TableName': 'abc', 'Item': {'a': {'S': 'x'}, 'b': {'S': '" + Requests.chars('a', 409_597) + "'}}}");
  }

  @Test
  void refusesItemOneByteOver400Kilobytes() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'a': {'S': 'x'}, 'b': {'S': '" + Requests.chars('a', 409_598) + "'}}}",
        "Item size has exceeded the maximum allowed size");
  }

  @Test
  void countsAttributeNamesInTheItemSize() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'a': {'S': 'x'}, 'bbbbbbbbbb': {'S': '"
        + Requests.chars('a', 409_589) + "'}}}", "Item size has exceeded the maximum allowed size");
  }

  @Test
  void checksReturnValuesBeforeItemSize() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'b': {'S': '" + Requests.chars('a', 409_600) + "'}},"
        + " 'ReturnValues': 'ALL_NEW'}", "ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void acceptsAttributeNested32Levels() {
    assertAccepted("PutItem", "{'TableName': 'abc', 'Item': {'pk': {'S': 'p'}, 'data': " + deep(31) + "}}");
  }

  @Test
  void refusesAttributeNested33Levels() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'pk': {'S': 'p'}, 'data': " + deep(32) + "}}", NEST);
  }

  @Test
  void countsListsAsNestingLevels() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'data': {'L': [" + deep(31) + "]}}}", NEST);
  }

  @Test
  void refusesEmptyAttributeName() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'pk': {'S': 'a'}, '': {'S': 'x'}, 'd': " + deep(100) + "}}",
        "Empty attribute name");
  }

  // Expression and legacy parameters mixed are reported before the item's values (dynalite's
  // validations/putItem.js, observed on AWS).
  @Test
  void reportsMixedParametersBeforeTheItem() {
    assertValidation("PutItem", "{'TableName': 'abc', 'Item': {'a': {}}, 'Expected': {'a': {}},"
            + " 'ConditionExpression': '', 'ExpressionAttributeValues': {}}",
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {Expected} Expression parameters: {ConditionExpression}");
  }

  @Test
  void leavesConditionsToTheExpressionCompiler() {
    assertAccepted("PutItem", "{'TableName': 'abc', 'Item': {'a': {'S': 'x'}}, 'ConditionExpression': '',"
        + " 'ExpressionAttributeValues': {}}");
  }

  @Test
  void acceptsItemOfEveryType() {
    assertAccepted("PutItem", "{'TableName': 'abc', 'Item': {'s': {'S': ''}, 'n': {'N': '-1.5e3'}, 'b': {'B': 'AAE='},"
        + " 'bool': {'BOOL': false}, 'null': {'NULL': true}, 'ss': {'SS': ['a', 'b']}, 'ns': {'NS': ['1', '2']},"
        + " 'bs': {'BS': ['AA==']}, 'l': {'L': [{'S': 'x'}, {'L': []}]}, 'm': {'M': {'k': {'N': '0'}}}},"
        + " 'ReturnValues': 'ALL_OLD', 'ReturnValuesOnConditionCheckFailure': 'ALL_OLD'}");
  }
}
