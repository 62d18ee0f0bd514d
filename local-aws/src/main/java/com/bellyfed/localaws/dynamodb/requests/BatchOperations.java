package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Shapes.*;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The shapes of BatchGetItem and BatchWriteItem, after the AWS API Reference pages of each. */
final class BatchOperations {

  /** Keys across all tables of one BatchGetItem. */
  static final int MAX_GETS = 100;
  /** Requests across all tables of one BatchWriteItem. */
  static final int MAX_WRITES = 25;

  private static final Struct KEYS_AND_ATTRIBUTES = Struct.of("KeysAndAttributes",
      // Its length is checked first, in newer wording: see keysFirst.
      required("Keys", list(ATTRIBUTE_MAP, null, null)),
      optional("AttributesToGet", ATTRIBUTES_TO_GET),
      optional("ConsistentRead", bool()),
      optional("ProjectionExpression", string()),
      optional("ExpressionAttributeNames", EXPRESSION_ATTRIBUTE_NAMES));
  private static final Struct WRITE_REQUEST = Struct.of("WriteRequest",
      optional("PutRequest", Struct.of("PutRequest", required("Item", ATTRIBUTE_MAP))),
      optional("DeleteRequest", Struct.of("DeleteRequest", required("Key", ATTRIBUTE_MAP))));

  private BatchOperations() {}

  static List<Operation> all() {
    return List.of(
        Operation.of("BatchGetItem", Struct.of("BatchGetItemInput",
            // AWS quotes this map as JSON in its messages, unlike every other value.
            required("RequestItems", new Shape.MapOf(TABLE_NAME, KEYS_AND_ATTRIBUTES, 1, MAX_GETS, true)),
            optional("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY)),
            body -> {
              requestItemsFirst("BatchGetItem").check(body);
              keysFirst(body);
            },
            new BatchGetItemRules()),
        Operation.of("BatchWriteItem", Struct.of("BatchWriteItemInput",
            required("RequestItems", map(TABLE_NAME, list(WRITE_REQUEST, 1, MAX_WRITES), 1, MAX_WRITES)),
            optional("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY),
            optional("ReturnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS)),
            requestItemsFirst("BatchWriteItem"), new BatchWriteItemRules()));
  }

  /**
   * A table's Keys list of 1 to {@value #MAX_GETS} keys is answered in the validation framework's
   * wording, which names the member without echoing it, in every region (nubo-db/dynamodb-conformance
   * and paritysuite/dynamodb-conformance tests/tier3/error-messages/batchGetItem.test.ts, verified against
   * AWS 2026).
   */
  private static void keysFirst(JsonNode body) {
    JsonNode requestItems = Json.member(body, "RequestItems");
    if (requestItems == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> tables = requestItems.properties().iterator(); tables.hasNext(); ) {
      Map.Entry<String, JsonNode> table = tables.next();
      JsonNode keys = Json.member(table.getValue(), "Keys");
      if (keys == null) {
        continue;
      }
      String constraint = keys.size() < 1 ? "Member must have length greater than or equal to 1"
          : keys.size() > MAX_GETS ? "Member must have length less than or equal to " + MAX_GETS : null;
      if (constraint != null) {
        throw DynamoDbException.validation("1 validation error detected: Value at 'RequestItems." + table.getKey()
            + ".member.Keys' failed to satisfy constraint: " + constraint);
      }
    }
  }

  /**
   * An empty RequestItems is refused with a sentence of its own before any member constraint (a
   * missing one is left to the constraints, which say "Member must not be null").
   */
  private static Rules requestItemsFirst(String operation) {
    return body -> {
      JsonNode requestItems = Json.member(body, "RequestItems");
      if (requestItems != null && requestItems.isEmpty()) {
        throw DynamoDbException.validation("The requestItems parameter is required for " + operation);
      }
    };
  }
}
