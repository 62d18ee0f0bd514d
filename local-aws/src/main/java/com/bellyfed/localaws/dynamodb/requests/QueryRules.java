package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * Query: the table's name, expression and legacy parameters not mixed, QueryFilter and
 * AttributesToGet, ExclusiveStartKey's values, then a key condition in one form or the other
 * (dynalite's validations/query.js, observed on AWS). What the conditions say is the expression
 * compiler's.
 */
final class QueryRules implements Rules {

  /**
   * Query's Limit is answered in the validation framework's wording in every region, naming the member
   * without echoing it, before the other members' constraints (nubo-db/dynamodb-conformance
   * tests/tier3/error-messages/query.test.ts, verified against AWS 2026). Scan's is not: its regions
   * still differ (paritysuite/dynamodb-conformance registry/splits.json scan-limit-zero-message).
   */
  static void limitFirst(JsonNode body) {
    BigInteger limit = Json.wholeNumber(body, "Limit");
    if (limit != null && limit.signum() <= 0) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
              + "Member must have value greater than or equal to 1");
    }
  }

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    ExpressionCompiler.checkParameters(Context.QUERY, body);
    ExpressionCompiler.checkLegacyReadParameters(Context.QUERY, body);
    JsonNode startKey = Json.member(body, "ExclusiveStartKey");
    if (startKey != null) {
      Items.startKey(startKey);
    }
    if (Json.member(body, "KeyConditions") == null && Json.member(body, "KeyConditionExpression") == null) {
      throw DynamoDbException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
  }
}
