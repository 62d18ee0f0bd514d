package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Query (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html); messages as
 * dynalite's test/query.js records them from AWS.
 */
class QueryTests {

  @Test
  void reportsEveryViolatedConstraint() {
    assertValidation("Query", "{'TableName': 'abc', 'IndexName': 'abc;', 'Select': 'hi', 'ReturnConsumedCapacity': 'hi',"
            + " 'ConditionalOperator': 'AN', 'AttributesToGet': []}",
        "5 validation errors detected: Value 'hi' at 'select' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]; Value 'abc;' at 'indexName' failed to"
            + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'hi' at"
            + " 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL,"
            + " NONE]; Value 'AN' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [OR, AND]; Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than"
            + " or equal to 1");
  }

  // Query's Limit is answered in the validation framework's wording in every region
  // (nubo-db/dynamodb-conformance tests/tier3/error-messages/query.test.ts, AWS 2026), not dynalite's
  // aggregated "Value '-1' at 'limit'"; it is taken to come before the classic constraints, as the
  // framework's checks do where regions have moved to it.
  @Test
  void reportsAnInvalidLimitAlone() {
    assertValidation("Query", "{'TableName': 'abc', 'Select': 'hi', 'Limit': -1}",
        "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or"
            + " equal to 1");
  }

  @Test
  void refusesLongIndexName() {
    String name = Requests.chars('a', 256);
    assertValidation("Query", "{'TableName': 'abc', 'IndexName': '" + name + "', 'KeyConditionExpression': 'a = :a'}",
        "1 validation error detected: Value '" + name + "' at 'indexName' failed to satisfy constraint: Member must have length"
            + " less than or equal to 255");
  }

  @Test
  void requiresAKeyCondition() {
    assertValidation("Query", "{'TableName': 'abc'}",
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}                       | The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      "{'NULL': 'no'}           | The provided starting key is invalid: One or more parameter values were invalid: Null attribute value types must have the value of true",
      "{'SS': []}               | The provided starting key is invalid: One or more parameter values were invalid: An string set  may not be empty",
      "{'BS': []}               | The provided starting key is invalid: One or more parameter values were invalid: Binary sets should not be empty",
      "{'NS': []}               | One or more parameter values were invalid: An number set  may not be empty",
      "{'SS': ['a', 'a']}       | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
      "{'S': 'a', 'N': 'b'}     | The parameter cannot be converted to a numeric value: b",
      "{'N': '1e126'}           | Number overflow. Attempting to store a number with magnitude larger than supported range",
  })
  void prefixesMostStartKeyErrors(String value, String message) {
    assertValidation("Query", "{'TableName': 'abc', 'KeyConditionExpression': '', 'ExclusiveStartKey': {'a': " + value + "}}",
        message);
  }

  @Test
  void checksTheStartKeyBeforeAskingForAKeyCondition() {
    assertValidation("Query", "{'TableName': 'abc', 'ExclusiveStartKey': {'a': {'S': 'a', 'N': '1'}}}",
        "The provided starting key is invalid: Supplied AttributeValue has more than one datatypes set, must contain exactly one"
            + " of the supported datatypes");
  }

  @Test
  void acceptsEitherFormOfKeyCondition() {
    assertAccepted("Query", "{'TableName': 'abc', 'KeyConditions': {'a': {'ComparisonOperator': 'EQ'}}}");
    assertAccepted("Query", "{'TableName': 'abc', 'KeyConditionExpression': 'a = :a', 'ScanIndexForward': false, 'Limit': 1,"
        + " 'Select': 'COUNT', 'ExclusiveStartKey': {'a': {'S': 'x'}}}");
  }

  // Mixed parameters, then QueryFilter and AttributesToGet, come before ExclusiveStartKey's values
  // (dynalite's validations/query.js and test/query.js, observed on AWS).
  @Test
  void reportsMixedParametersBeforeTheStartKey() {
    assertValidation("Query", "{'TableName': 'abc', 'ExclusiveStartKey': {'a': {}}, 'QueryFilter': {},"
            + " 'KeyConditionExpression': 'a = :a', 'ExpressionAttributeValues': {':a': {'S': 'x'}}}",
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {QueryFilter} Expression parameters: {KeyConditionExpression}");
  }

  @Test
  void reportsQueryFilterValuesBeforeTheStartKey() {
    assertValidation("Query", "{'TableName': 'abc', 'ExclusiveStartKey': {'a': {}},"
            + " 'KeyConditions': {'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'x'}]}},"
            + " 'QueryFilter': {'b': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'NULL': false}]}}}",
        "One or more parameter values were invalid: Null attribute value types must have the value of true");
  }

  @Test
  void reportsDuplicateAttributesToGetBeforeTheStartKey() {
    assertValidation("Query", "{'TableName': 'abc', 'ExclusiveStartKey': {'a': {}}, 'AttributesToGet': ['a', 'a'],"
            + " 'KeyConditions': {'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'x'}]}}}",
        "One or more parameter values were invalid: Duplicate value in attribute name: a");
  }
}
