package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * UpdateItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html);
 * messages as dynalite's test/updateItem.js records them from AWS.
 */
class UpdateItemTests {

  @Test
  void reportsEnumsAndMissingKeyTogether() {
    assertValidation("UpdateItem", "{'TableName': 'abc', 'ReturnConsumedCapacity': 'hi', 'ReturnItemCollectionMetrics': 'hi',"
            + " 'ReturnValues': 'hi'}",
        "4 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy"
            + " enum value set: [INDEXES, TOTAL, NONE]; Value 'hi' at 'returnValues' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; Value 'hi' at"
            + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE];"
            + " Value null at 'key' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void refusesUnknownLegacyAction() {
    assertValidation("UpdateItem", "{'TableName': 'abc', 'Key': {}, 'AttributeUpdates': {'a': {'Action': 'SET'}}}",
        "1 validation error detected: Value 'SET' at 'attributeUpdates.a.member.action' failed to satisfy constraint: Member"
            + " must satisfy enum value set: [ADD, PUT, DELETE]");
  }

  @Test
  void refusesInvalidKeyValue() {
    assertValidation("UpdateItem", "{'TableName': 'abc', 'Key': {'a': {'NS': ['1', 'b']}}}",
        "The parameter cannot be converted to a numeric value: b");
  }

  @Test
  void returnsAnyOfTheValues() {
    assertAccepted("UpdateItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}, 'ReturnValues': 'UPDATED_NEW'}");
  }

  // Expression and legacy parameters mixed are reported before the key's values (dynalite's
  // validations/updateItem.js, observed on AWS).
  @Test
  void reportsMixedParametersBeforeTheKey() {
    assertValidation("UpdateItem", "{'TableName': 'abc', 'Key': {'a': {}}, 'AttributeUpdates': {'b': {'Action': 'ADD',"
            + " 'Value': {'B': 'AA=='}}}, 'UpdateExpression': 'SET', 'ExpressionAttributeNames': {}}",
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {AttributeUpdates} Expression parameters: {UpdateExpression}");
  }

  @Test
  void leavesUpdatesAndConditionsToTheExpressionCompiler() {
    assertAccepted("UpdateItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}, 'AttributeUpdates': {'b': {'Action': 'ADD',"
        + " 'Value': {'B': 'AA=='}}}}");
  }
}
