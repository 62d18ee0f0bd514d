package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;

/**
 * UpdateItem: the table's name, expression and legacy parameters not mixed, then the key's values
 * (dynalite's validations/updateItem.js, observed on AWS). AttributeUpdates, Expected and the
 * expressions are the expression compiler's, which checks them after these.
 */
final class UpdateItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    ExpressionCompiler.checkParameters(Context.UPDATE_ITEM, body);
    Items.key(body.get("Key"));
  }
}
