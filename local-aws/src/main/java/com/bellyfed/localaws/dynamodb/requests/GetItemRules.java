package com.bellyfed.localaws.dynamodb.requests;

import com.fasterxml.jackson.databind.JsonNode;

/** GetItem: the table's name, then the key's values. */
final class GetItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    Items.key(body.get("Key"));
  }
}
