package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * DeleteItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html);
 * messages as dynalite's test/deleteItem.js and the dynamodb-conformance suites record them from AWS.
 */
class DeleteItemTests {

  @Test
  void reportsEnumsAndMissingKeyTogether() {
    assertValidation("DeleteItem", "{'TableName': 'abc', 'ReturnConsumedCapacity': 'hi', 'ReturnItemCollectionMetrics': 'hi',"
            + " 'ReturnValues': 'hi', 'ConditionalOperator': 'XOR'}",
        "5 validation errors detected: Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; Value 'XOR' at 'conditionalOperator' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [OR, AND]; Value 'hi' at 'returnConsumedCapacity' failed to"
            + " satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'hi' at"
            + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE];"
            + " Value null at 'key' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void returnsOnlyTheOldItem() {
    assertValidation("DeleteItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}, 'ReturnValues': 'UPDATED_NEW'}",
        "ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void checksKeyValuesBeforeReturnValues() {
    assertValidation("DeleteItem", "{'TableName': 'abc', 'Key': {'a': {'BS': []}}, 'ReturnValues': 'ALL_NEW'}",
        "One or more parameter values were invalid: Binary sets should not be empty");
  }

  @Test
  void refusesKeyNestedTooDeep() {
    String value = "{'S': 'leaf'}";
    for (int i = 0; i < 40; i++) {
      value = "{'M': {'n': " + value + "}}";
    }
    assertValidation("DeleteItem", "{'TableName': 'abc', 'Key': {'pk': " + value + "}}",
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
  }

  @Test
  void acceptsOldItemReturned() {
    assertAccepted("DeleteItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}, 'ReturnValues': 'ALL_OLD'}");
  }
}
