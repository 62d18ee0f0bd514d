package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.Value;
import tools.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: projections of one kind across all tables, then table by table its projection
 * parameters and expressions, then its keys: the key's values, no key twice for a table, at most
 * {@value BatchOperations#MAX_GETS} keys in all (dynalite's validations/batchGetItem.js, observed on
 * AWS). Keys compare as values, so {"N":"1"} and {"N":"1.0"} are the same key.
 */
final class BatchGetItemRules implements Rules {

  @Override
  public void check(JsonNode body) {
    checkOneKindOfProjection(body.get("RequestItems"));
    int keys = 0;
    for (JsonNode table : body.get("RequestItems")) {
      ExpressionCompiler.compile(Context.BATCH_GET_ITEM, table);
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

  /**
   * A ProjectionExpression for one table and AttributesToGet for another are refused together, as
   * within one table (paritysuite/dynamodb-conformance tests/tier3/error-messages/batchGetItem.test.ts,
   * AWS 2026, which records the refusal but not its words: these are the one-table sentence's).
   */
  private static void checkOneKindOfProjection(JsonNode requestItems) {
    boolean expressions = false;
    boolean legacy = false;
    for (JsonNode table : requestItems) {
      expressions |= Json.member(table, "ProjectionExpression") != null;
      legacy |= Json.member(table, "AttributesToGet") != null;
    }
    if (expressions && legacy) {
      throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: "
          + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }
  }
}
