package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;

/**
 * GetItem: the table's name, expression and legacy parameters not mixed, then the key's values
 * (dynalite's validations/getItem.js, observed on AWS: the mixing is reported whatever the key holds).
 */
final class GetItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    ExpressionCompiler.checkParameters(Context.GET_ITEM, body);
    Items.key(body.get("Key"));
  }
}
