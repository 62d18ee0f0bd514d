package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.Value;
import tools.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * TransactWriteItems, action by action in request order, the first problem winning whatever its kind:
 * exactly one of ConditionCheck, Put, Delete, Update; the table's name; the item (values, size, depth)
 * or the key; the action's expressions. Two actions on one item need the key schema: the engine checks that after finding the
 * tables.
 */
final class TransactWriteItemsRules implements Rules {

  private static final List<String> KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");
  private static final Map<String, Context> CONTEXTS = Map.of(
      "ConditionCheck", Context.TRANSACT_CONDITION_CHECK, "Put", Context.TRANSACT_PUT,
      "Delete", Context.TRANSACT_DELETE, "Update", Context.TRANSACT_UPDATE);

  @Override
  public void check(JsonNode body) {
    int index = 1;
    for (JsonNode action : body.get("TransactItems")) {
      String kind = null;
      int kinds = 0;
      for (String candidate : KINDS) {
        if (Json.member(action, candidate) != null) {
          kind = candidate;
          kinds++;
        }
      }
      if (kinds != 1 || kind == null) {
        throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
      }
      JsonNode request = action.get(kind);
      String path = "transactItems." + index + ".member." + Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
      TableNames.check(Json.text(request, "TableName"), path + ".tableName");
      Map<String, Value> key = null;
      if (kind.equals("Put")) {
        Items.checkWritable(Items.item(request.get("Item")));
      } else {
        key = Items.keyValues(request.get("Key"));
      }
      // This action's expressions before the next action's values: AWS answers whichever comes
      // first in request order (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts),
      // and before its own key's depth (tests/tier3/validation-ordering/deepRequests.test.ts).
      ExpressionCompiler.compile(CONTEXTS.get(kind), request);
      if (key != null) {
        Items.checkDepth(key);
      }
      index++;
    }
  }
}
