package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Shapes.*;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The shapes of BatchGetItem and BatchWriteItem, after the AWS API Reference pages of each. */
final class BatchOperations {

  /** Keys across all tables of one BatchGetItem. */
  static final int MAX_GETS = 100;
  /** Requests across all tables of one BatchWriteItem. */
  static final int MAX_WRITES = 25;

  private static final Struct KEYS_AND_ATTRIBUTES = Struct.of("KeysAndAttributes",
      required("Keys", list(ATTRIBUTE_MAP, 1, MAX_GETS)),
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
            requestItemsFirst("BatchGetItem"), new BatchGetItemRules()),
        Operation.of("BatchWriteItem", Struct.of("BatchWriteItemInput",
            required("RequestItems", map(TABLE_NAME, list(WRITE_REQUEST, 1, MAX_WRITES), 1, MAX_WRITES)),
            optional("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY),
            optional("ReturnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS)),
            requestItemsFirst("BatchWriteItem"), new BatchWriteItemRules()));
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
