package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;

/** TransactGetItems, action by action in request order: the table's name, the key's values, then the projection. */
final class TransactGetItemsRules implements Rules {

  @Override
  public void check(JsonNode body) {
    int index = 1;
    for (JsonNode action : body.get("TransactItems")) {
      JsonNode get = Json.member(action, "Get");
      if (get != null) {
        TableNames.check(Json.text(get, "TableName"), "transactItems." + index + ".member.get.tableName");
        Items.key(get.get("Key"));
        // A malformed projection refuses the request before any table is read
        // (paritysuite/dynamodb-conformance tests/tier3/error-messages/transactGetItems.test.ts).
        ExpressionCompiler.compile(Context.TRANSACT_GET, get);
      }
      index++;
    }
  }
}
