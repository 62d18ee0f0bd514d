package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TransactGetItems (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html);
 * messages as the dynamodb-conformance suites record them from AWS.
 */
class TransactGetItemsTests {

  @Test
  void refusesEmptyListOfActions() {
    assertValidation("TransactGetItems", "{'TransactItems': []}",
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void refusesMoreThanHundredActions() {
    String message = Requests.rejection("TransactGetItems", "{'TransactItems': ["
        + Requests.repeat("{'Get': {'TableName': 'abc', 'Key': {'a': {'S': '#'}}}}", 101) + "]}").getMessage();
    assertThat(message)
        .startsWith("1 validation error detected: Value '[TransactGetItem(get=Get(key={a=AttributeValue(S=0)}, tableName=abc,"
            + " projectionExpression=null, expressionAttributeNames=null)), ")
        .endsWith("' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
  }

  @Test
  void requiresGetAndItsMembers() {
    assertValidation("TransactGetItems", "{'TransactItems': [{}, {'Get': {}}], 'ReturnConsumedCapacity': 'BOGUS'}",
        "4 validation errors detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not"
            + " be null; Value null at 'transactItems.2.member.get.key' failed to satisfy constraint: Member must not be null;"
            + " Value null at 'transactItems.2.member.get.tableName' failed to satisfy constraint: Member must not be null;"
            + " Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [INDEXES, TOTAL, NONE]");
  }

  @Test
  void checksTableNamesActionByAction() {
    assertValidation("TransactGetItems", "{'TransactItems': [{'Get': {'TableName': 'abc', 'Key': {}}},"
            + " {'Get': {'TableName': 'x!', 'Key': {}}}]}",
        "2 validation errors detected: Value 'x!' at 'transactItems.2.member.get.tableName' failed to satisfy constraint: Member"
            + " must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'x!' at 'transactItems.2.member.get.tableName'"
            + " failed to satisfy constraint: Member must have length greater than or equal to 3");
  }

  @Test
  void checksKeyValues() {
    assertValidation("TransactGetItems", "{'TransactItems': [{'Get': {'TableName': 'abc', 'Key': {'a': {'S': 'x'}}}},"
            + " {'Get': {'TableName': 'abc', 'Key': {'a': {'SS': []}}}}]}",
        "One or more parameter values were invalid: An string set  may not be empty");
  }

  @Test
  void acceptsGets() {
    assertAccepted("TransactGetItems", "{'TransactItems': [{'Get': {'TableName': 'abc', 'Key': {'a': {'S': 'x'}},"
        + " 'ProjectionExpression': 'a'}}], 'ReturnConsumedCapacity': 'TOTAL'}");
  }
}
