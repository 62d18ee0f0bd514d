package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TransactWriteItems (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html);
 * messages as the dynamodb-conformance suites and moto's AWS-verified tests record them from AWS.
 */
class TransactWriteItemsTests {

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
  void refusesEmptyListOfActions() {
    assertValidation("TransactWriteItems", "{'TransactItems': []}",
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void refusesMoreThanHundredActions() {
    String message = Requests.rejection("TransactWriteItems", "{'TransactItems': ["
        + Requests.repeat("{'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'twi-#'}}}}", 101) + "]}").getMessage();
    assertThat(message)
        .startsWith("1 validation error detected: Value '[TransactWriteItem(conditionCheck=null, put=Put(item={pk=AttributeValue(S=twi-0)},"
            + " tableName=abc, conditionExpression=null, expressionAttributeNames=null, expressionAttributeValues=null,"
            + " returnValuesOnConditionCheckFailure=null), delete=null, update=null), ")
        .endsWith("' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
  }

  @Test
  void requiresTheMembersOfEachAction() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'ConditionCheck': {}}, {'Update': {'ReturnValuesOnConditionCheckFailure': 'ALL_NEW'}}]}",
        "7 validation errors detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to"
            + " satisfy constraint: Member must not be null; Value null at 'transactItems.1.member.conditionCheck.key' failed to"
            + " satisfy constraint: Member must not be null; Value null at 'transactItems.1.member.conditionCheck.tableName'"
            + " failed to satisfy constraint: Member must not be null; Value 'ALL_NEW' at"
            + " 'transactItems.2.member.update.returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [ALL_OLD, NONE]; Value null at 'transactItems.2.member.update.updateExpression' failed"
            + " to satisfy constraint: Member must not be null; Value null at 'transactItems.2.member.update.key' failed to"
            + " satisfy constraint: Member must not be null; Value null at 'transactItems.2.member.update.tableName' failed to"
            + " satisfy constraint: Member must not be null");
  }

  @Test
  void refusesActionOfTwoKinds() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'id': {'S': 'test'}}},"
            + " 'Delete': {'TableName': 'abc', 'Key': {'id': {'S': 'test'}}}}]}",
        "TransactItems can only contain one of Check, Put, Update or Delete");
  }

  @Test
  void refusesActionOfNoKind() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {}}}, {}]}",
        "TransactItems can only contain one of Check, Put, Update or Delete");
  }

  @Test
  void reportsTheFirstActionsProblemWhateverItsKind() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'b'},"
            + " 'd': " + deep(40) + "}}}, {'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'a'}, '': {'S': 'x'}}}}]}",
        NEST);
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'a'},"
            + " '': {'S': 'x'}}}}, {'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'b'}, 'd': " + deep(100) + "}}}]}",
        "Empty attribute name");
  }

  @Test
  void refusesDeleteKeyNestedTooDeep() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Delete': {'TableName': 'abc', 'Key': {'pk': " + deep(40) + "}}}]}",
        NEST);
  }

  @Test
  void checksTableNamesWithThePathOfTheAction() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'ConditionCheck': {'TableName': 'abc', 'Key': {},"
            + " 'ConditionExpression': 'attribute_exists(a)'}}, {'Update': {'TableName': 'a', 'Key': {}, 'UpdateExpression': 'SET'}}]}",
        "1 validation error detected: Value 'a' at 'transactItems.2.member.update.tableName' failed to satisfy constraint: Member"
            + " must have length greater than or equal to 3");
  }

  @Test
  void refusesPutItemOver400Kilobytes() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'a': {'S': 'x'}, 'b': {'S': '"
        + Requests.chars('a', 409_598) + "'}}}}]}", "Item size has exceeded the maximum allowed size");
  }

  @Test
  void acceptsActionsOfEveryKind() {
    assertAccepted("TransactWriteItems", "{'TransactItems': [{'ConditionCheck': {'TableName': 'abc', 'Key': {'a': {'S': '1'}},"
        + " 'ConditionExpression': 'attribute_exists(a)'}}, {'Put': {'TableName': 'abc', 'Item': {'a': {'S': '2'}}}},"
        + " {'Delete': {'TableName': 'abc', 'Key': {'a': {'S': '3'}}}}, {'Update': {'TableName': 'abc', 'Key': {'a': {'S': '4'}},"
        + " 'UpdateExpression': 'SET b = :b', 'ExpressionAttributeValues': {':b': {'N': '1'}}}}],"
        + " 'ClientRequestToken': '" + Requests.chars('t', 36) + "', 'ReturnItemCollectionMetrics': 'SIZE'}");
  }
}
