package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;
import java.util.Map;

/**
 * PutItem: the table's name, expression and legacy parameters not mixed, the item's values,
 * ReturnValues, then the item's size and depth (dynalite's validations/putItem.js, observed on AWS).
 */
final class PutItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    ExpressionCompiler.checkParameters(Context.PUT_ITEM, body);
    Map<String, Value> item = Items.item(body.get("Item"));
    checkReturnValues(body);
    Items.checkWritable(item);
  }

  /** PutItem and DeleteItem can return only the old item. */
  static void checkReturnValues(JsonNode body) {
    String returnValues = Json.text(body, "ReturnValues");
    if (returnValues != null && !returnValues.equals("ALL_OLD") && !returnValues.equals("NONE")) {
      throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
  }
}
