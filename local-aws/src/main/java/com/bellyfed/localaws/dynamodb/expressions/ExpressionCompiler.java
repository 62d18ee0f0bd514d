package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import com.fasterxml.jackson.databind.JsonNode;

// TEMPORARY placeholder on the engine branch until the expressions branch merges; never to reach main.
public final class ExpressionCompiler {
  public static RequestExpressions compile(RequestExpressions.Context context, JsonNode request) {
    return new RequestExpressions() {
      public Condition condition() { return null; }
      public Condition filter() { return null; }
      public Update update() { return null; }
      public Projection projection() { return null; }
      public KeyCondition keyCondition(KeySchema schema) {
        // only "pk = :v"
        String name = schema.partitionName();
        return new KeyCondition(ValueJson.read(request.path("ExpressionAttributeValues").elements().next()), null);
      }
    };
  }
}
