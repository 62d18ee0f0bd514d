package com.bellyfed.localaws.dynamodb.requests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * UpdateItem: the table's name, then the key's values. AttributeUpdates, Expected and the expressions
 * are the expression compiler's, which checks them after these.
 */
final class UpdateItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    Items.key(body.get("Key"));
  }
}
