package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Every expression of one request (or one action of a transaction), modern and legacy, compiled and
 * checked as AWS checks them: syntax, reserved words, ExpressionAttributeNames and Values that are
 * undefined or unused, expression and non-expression parameters mixed. Errors are DynamoDbExceptions
 * with AWS's type and message.
 */
public interface RequestExpressions {

  /** Which request (or transaction action) the parameters come from: it decides which parameters apply. */
  enum Context {
    GET_ITEM,
    BATCH_GET_ITEM,
    PUT_ITEM,
    UPDATE_ITEM,
    DELETE_ITEM,
    QUERY,
    SCAN,
    TRANSACT_GET,
    TRANSACT_PUT,
    TRANSACT_UPDATE,
    TRANSACT_DELETE,
    TRANSACT_CONDITION_CHECK
  }

  /** ConditionExpression, or Expected with ConditionalOperator; null when the request has none. */
  @Nullable Condition condition();

  /** FilterExpression, or QueryFilter / ScanFilter with ConditionalOperator. */
  @Nullable Condition filter();

  /** UpdateExpression or AttributeUpdates. */
  @Nullable Update update();

  /** ProjectionExpression or AttributesToGet. */
  @Nullable Projection projection();

  /**
   * KeyConditionExpression or KeyConditions, checked against the schema of the table or index the
   * Query reads (missing partition key, conditions on non-key attributes, types that do not match).
   */
  KeyCondition keyCondition(KeySchema schema);
}
