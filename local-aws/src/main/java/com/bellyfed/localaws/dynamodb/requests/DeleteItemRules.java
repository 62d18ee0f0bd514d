package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;

/**
 * DeleteItem: the table's name, expression and legacy parameters not mixed, the key's values, then
 * ReturnValues (dynalite's validations/deleteItem.js, observed on AWS).
 */
final class DeleteItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    ExpressionCompiler.checkParameters(Context.DELETE_ITEM, body);
    Items.key(body.get("Key"));
    PutItemRules.checkReturnValues(body);
  }
}
