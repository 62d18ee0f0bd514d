package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Query: the table's name, ExclusiveStartKey's values, then a key condition in one form or the other.
 * What the conditions say is the expression compiler's.
 */
final class QueryRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
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
