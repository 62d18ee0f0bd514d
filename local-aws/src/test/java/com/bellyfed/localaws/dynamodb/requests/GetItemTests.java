package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GetItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html); messages
 * as dynalite's test/getItem.js records them from AWS.
 */
class GetItemTests {

  @Test
  void requiresTableNameAndKey() {
    assertValidation("GetItem", "{}",
        "2 validation errors detected: Value null at 'key' failed to satisfy constraint: Member must not be null; Value null"
            + " at 'tableName' failed to satisfy constraint: Member must not be null");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}", "{'a': ''}", "{'M': {'a': {}}}", "{'L': [{}]}", "{'L': [{'a': {}}]}"})
  void refusesKeyValueWithoutType(String value) {
    assertValidation("GetItem", "{'TableName': 'abc', 'Key': {'a': " + value + "}}",
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'NULL': 'no'}            | One or more parameter values were invalid: Null attribute value types must have the value of true",
      "{'SS': []}                | One or more parameter values were invalid: An string set  may not be empty",
      "{'NS': []}                | One or more parameter values were invalid: An number set  may not be empty",
      "{'BS': []}                | One or more parameter values were invalid: Binary sets should not be empty",
      "{'SS': ['a', 'a']}        | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
      "{'BS': ['Yg==', 'Yg==']}  | One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.",
      "{'S': 'a', 'N': 'b'}      | The parameter cannot be converted to a numeric value: b",
      "{'NS': ['1', '']}         | The parameter cannot be converted to a numeric value",
      "{'NS': ['1', '1']}        | Input collection contains duplicates",
      "{'N': '1e126'}            | Number overflow. Attempting to store a number with magnitude larger than supported range",
      "{'N': '-1e-131'}          | Number underflow. Attempting to store a number with magnitude smaller than supported range",
      "{'N': '123456789012345678901234567890123456789'} | Attempting to store more than 38 significant digits in a Number",
      "{'S': 'a', 'N': '1'}      | Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
      // A JSON null in a set is no member, as a null is absent anywhere else: not an error of its own.
      "{'SS': [null]}            | One or more parameter values were invalid: An string set  may not be empty",
      "{'NS': [null, null]}      | One or more parameter values were invalid: An number set  may not be empty",
      "{'BS': [null]}            | One or more parameter values were invalid: Binary sets should not be empty",
      "{'SS': ['a', null, 'a']}  | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
      "{'NS': ['1e2147483647']}  | Number overflow. Attempting to store a number with magnitude larger than supported range",
  })
  void refusesInvalidKeyValue(String value, String message) {
    assertValidation("GetItem", "{'TableName': 'abc', 'Key': {'a': " + value + "}}", message);
  }

  @Test
  void checksTheTableNameBeforeTheKey() {
    assertValidation("GetItem", "{'TableName': 'a;', 'Key': {'a': {}}}",
        "2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 3");
  }

  // Expression and legacy parameters mixed are reported before the key's values (dynalite's
  // validations/getItem.js and test/getItem.js, observed on AWS); the rest of the projection is the
  // expression compiler's.
  @Test
  void reportsMixedParametersBeforeTheKey() {
    assertValidation("GetItem", "{'TableName': 'abc', 'Key': {'a': {}}, 'AttributesToGet': ['a', 'a'],"
            + " 'ProjectionExpression': '', 'ExpressionAttributeNames': {}}",
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {AttributesToGet} Expression parameters: {ProjectionExpression}");
  }

  @Test
  void leavesProjectionsToTheExpressionCompiler() {
    assertAccepted("GetItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}, 'AttributesToGet': ['a', 'a']}");
  }

  @Test
  void acceptsKeyOfAnyShapeTheTableWillJudge() {
    assertAccepted("GetItem", "{'TableName': 'abc', 'Key': {}}");
    assertAccepted("GetItem", "{'TableName': 'abc', 'Key': {'a': {'S': ''}, 'b': {'M': {}}}, 'ConsistentRead': true}");
  }
}
