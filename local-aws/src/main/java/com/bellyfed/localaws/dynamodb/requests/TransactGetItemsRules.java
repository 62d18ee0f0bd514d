package com.bellyfed.localaws.dynamodb.requests;

import com.fasterxml.jackson.databind.JsonNode;

/** TransactGetItems, action by action in request order: the table's name, then the key's values. */
final class TransactGetItemsRules implements Rules {

  @Override
  public void check(JsonNode body) {
    int index = 1;
    for (JsonNode action : body.get("TransactItems")) {
      JsonNode get = Json.member(action, "Get");
      if (get != null) {
        TableNames.check(Json.text(get, "TableName"), "transactItems." + index + ".member.get.tableName");
        Items.key(get.get("Key"));
      }
      index++;
    }
  }
}
