package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Shapes.*;

import java.util.List;

/** The shapes of TransactGetItems and TransactWriteItems, after the AWS API Reference pages of each. */
final class TransactionOperations {

  static final int MAX_ACTIONS = 100;

  private static final Struct GET = Struct.of("Get",
      required("Key", ATTRIBUTE_MAP),
      required("TableName", TABLE_NAME_OR_ARN),
      optional("ProjectionExpression", string()),
      optional("ExpressionAttributeNames", EXPRESSION_ATTRIBUTE_NAMES));
  private static final Struct WRITE = Struct.of("TransactWriteItem",
      optional("ConditionCheck", Struct.of("ConditionCheck",
          required("Key", ATTRIBUTE_MAP),
          required("TableName", TABLE_NAME_OR_ARN),
          required("ConditionExpression", string()),
          optional("ExpressionAttributeNames", EXPRESSION_ATTRIBUTE_NAMES),
          optional("ExpressionAttributeValues", ATTRIBUTE_MAP),
          optional("ReturnValuesOnConditionCheckFailure", RETURN_VALUES_ON_CONDITION_CHECK_FAILURE))),
      optional("Put", Struct.of("Put",
          required("Item", ATTRIBUTE_MAP),
          required("TableName", TABLE_NAME_OR_ARN),
          optional("ConditionExpression", string()),
          optional("ExpressionAttributeNames", EXPRESSION_ATTRIBUTE_NAMES),
          optional("ExpressionAttributeValues", ATTRIBUTE_MAP),
          optional("ReturnValuesOnConditionCheckFailure", RETURN_VALUES_ON_CONDITION_CHECK_FAILURE))),
      optional("Delete", Struct.of("Delete",
          required("Key", ATTRIBUTE_MAP),
          required("TableName", TABLE_NAME_OR_ARN),
          optional("ConditionExpression", string()),
          optional("ExpressionAttributeNames", EXPRESSION_ATTRIBUTE_NAMES),
          optional("ExpressionAttributeValues", ATTRIBUTE_MAP),
          optional("ReturnValuesOnConditionCheckFailure", RETURN_VALUES_ON_CONDITION_CHECK_FAILURE))),
      optional("Update", Struct.of("Update",
          required("Key", ATTRIBUTE_MAP),
          required("UpdateExpression", string()),
          required("TableName", TABLE_NAME_OR_ARN),
          optional("ConditionExpression", string()),
          optional("ExpressionAttributeNames", EXPRESSION_ATTRIBUTE_NAMES),
          optional("ExpressionAttributeValues", ATTRIBUTE_MAP),
          optional("ReturnValuesOnConditionCheckFailure", RETURN_VALUES_ON_CONDITION_CHECK_FAILURE))));

  private TransactionOperations() {}

  static List<Operation> all() {
    return List.of(
        Operation.of("TransactGetItems", Struct.of("TransactGetItemsInput",
            required("TransactItems", list(Struct.of("TransactGetItem", required("Get", GET)), 1, MAX_ACTIONS)),
            optional("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY)),
            Rules.NONE, new TransactGetItemsRules()),
        Operation.of("TransactWriteItems", Struct.of("TransactWriteItemsInput",
            required("TransactItems", list(WRITE, 1, MAX_ACTIONS)),
            optional("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY),
            optional("ReturnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS),
            optional("ClientRequestToken", string(1, 36))),
            Rules.NONE, new TransactWriteItemsRules()));
  }
}
