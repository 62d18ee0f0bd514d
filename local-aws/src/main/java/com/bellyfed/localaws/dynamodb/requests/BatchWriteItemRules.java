package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;

/**
 * BatchWriteItem, table by table: every request a PutRequest or a DeleteRequest, then each request's
 * item (values, size, depth) or key, at most {@value BatchOperations#MAX_WRITES} requests in all.
 * Duplicate keys need the key schema: the engine checks them after finding the table.
 */
final class BatchWriteItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    int requests = 0;
    for (JsonNode table : body.get("RequestItems")) {
      for (JsonNode request : table) {
        if ((Json.member(request, "PutRequest") == null) == (Json.member(request, "DeleteRequest") == null)) {
          // AWS's sentence for a WriteRequest that is not exactly one request.
          throw DynamoDbException.validation(
              "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
      }
      for (JsonNode request : table) {
        JsonNode put = Json.member(request, "PutRequest");
        if (put != null) {
          Items.checkWritable(Items.item(put.get("Item")));
        } else {
          Items.key(request.get("DeleteRequest").get("Key"));
        }
        if (++requests > BatchOperations.MAX_WRITES) {
          throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
        }
      }
    }
  }
}
