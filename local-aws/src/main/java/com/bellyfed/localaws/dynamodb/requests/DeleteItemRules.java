package com.bellyfed.localaws.dynamodb.requests;

import com.fasterxml.jackson.databind.JsonNode;

/** DeleteItem: the table's name, the key's values, then ReturnValues. */
final class DeleteItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    Items.key(body.get("Key"));
    PutItemRules.checkReturnValues(body);
  }
}
