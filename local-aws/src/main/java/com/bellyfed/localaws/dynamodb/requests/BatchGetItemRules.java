package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem, table by table and key by key: the key's values, no key twice for a table, at most
 * {@value BatchOperations#MAX_GETS} keys in all. Keys compare as values, so {"N":"1"} and {"N":"1.0"}
 * are the same key. Projections and their names are the expression compiler's.
 */
final class BatchGetItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    int keys = 0;
    for (JsonNode table : body.get("RequestItems")) {
      Set<Map<String, Value>> seen = new HashSet<>();
      for (JsonNode key : Json.elements(table, "Keys")) {
        if (!seen.add(Items.key(key))) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        if (++keys > BatchOperations.MAX_GETS) {
          throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
      }
    }
  }
}
