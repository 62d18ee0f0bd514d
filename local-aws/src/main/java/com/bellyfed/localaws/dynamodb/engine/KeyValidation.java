package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks of keys and items against a table's schema, with AWS's messages
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys):
 * a partition key of at most 2048 bytes, a sort key of at most 1024, no empty string or binary in any
 * key attribute, index key attributes of their declared type.
 */
final class KeyValidation {

  static final int MAX_PARTITION_KEY = 2048;
  static final int MAX_SORT_KEY = 1024;

  private KeyValidation() {}

  /** A Key parameter: exactly the schema's attributes, of the schema's types. */
  static void key(Map<String, Value> key, KeySchema schema) {
    int expected = schema.hasSortKey() ? 2 : 1;
    if (key.size() != expected) {
      throw mismatch();
    }
    keyPiece(key, schema.partitionName(), schema.partitionType(), true);
    if (schema.hasSortKey()) {
      keyPiece(key, schema.sortName(), schema.sortType(), false);
    }
  }

  private static void keyPiece(Map<String, Value> key, String name, Type type, boolean partition) {
    Value value = key.get(name);
    if (value == null || value.type() != type) {
      throw mismatch();
    }
    if (empty(value)) {
      throw emptyKey(name, type);
    }
    size(value, partition);
  }

  /**
   * An empty string or binary as a key value: one sentence for items and keys alike, observed on
   * GetItem (moto's tests), DeleteItem, UpdateItem, BatchGetItem, BatchWriteItem and the transactions
   * (paritysuite/dynamodb-conformance tests/tier3/error-messages, 2026), not dynalite's older "were
   * invalid:" for keys.
   */
  static DynamoDbException emptyKey(String name, Type type) {
    return DynamoDbException.validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
            + (type == Type.S ? "string" : "binary") + " value. Key: " + name);
  }

  static DynamoDbException mismatch() {
    return DynamoDbException.validation("The provided key element does not match the schema");
  }

  /** An item to put: its key attributes present and typed, its index keys typed and not empty. */
  static void item(Map<String, Value> item, TableMeta meta) {
    KeySchema schema = meta.keySchema();
    itemKey(item, schema.partitionName(), schema.partitionType(), true);
    if (schema.hasSortKey()) {
      itemKey(item, schema.sortName(), schema.sortType(), false);
    }
    indexKeys(item, meta);
  }

  private static void itemKey(Map<String, Value> item, String name, Type type, boolean partition) {
    Value value = item.get(name);
    if (value == null) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    if (value.type() != type) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Type mismatch for key " + name + " expected: " + type
              + " actual: " + value.type());
    }
    if (empty(value)) {
      throw emptyKey(name, type);
    }
    size(value, partition);
  }

  /**
   * An item of a BatchWriteItem PutRequest: a key attribute missing or of another type is the key
   * sentence, not PutItem's (paritysuite/dynamodb-conformance tests/tier3/error-messages/batchWriteItem.test.ts,
   * us-east-1, eu-west-2 and two more regions, 2026).
   */
  static void batchItem(Map<String, Value> item, TableMeta meta) {
    KeySchema schema = meta.keySchema();
    batchItemKey(item, schema.partitionName(), schema.partitionType(), true);
    if (schema.hasSortKey()) {
      batchItemKey(item, schema.sortName(), schema.sortType(), false);
    }
    indexKeys(item, meta);
  }

  private static void batchItemKey(Map<String, Value> item, String name, Type type, boolean partition) {
    Value value = item.get(name);
    if (value == null || value.type() != type) {
      throw mismatch();
    }
    if (empty(value)) {
      throw emptyKey(name, type);
    }
    size(value, partition);
  }

  /**
   * The attributes an item gives an index's key must have the declared type, not be empty, and fit
   * the key size limits, which hold for index keys as for the table's
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html:
   * "The maximum length of a partition key is 2048 bytes, and the maximum length of a sort key is 1024
   * bytes"; after a backfill, writes that violate them are rejected).
   */
  static void indexKeys(Map<String, Value> item, TableMeta meta) {
    for (IndexMeta index : meta.indexes()) {
      indexKey(item, index, index.keySchema().partitionName(), index.keySchema().partitionType(), MAX_PARTITION_KEY);
      if (index.keySchema().hasSortKey()) {
        indexKey(item, index, index.keySchema().sortName(), index.keySchema().sortType(), MAX_SORT_KEY);
      }
    }
  }

  /** Whether a value can be an index key: of the declared type, not empty, within its size limit. */
  static boolean indexable(@Nullable Value value, @Nullable Type type, boolean partition) {
    return value != null && value.type() == type && !empty(value)
        && (type == Type.N || Sizes.value(value) <= (partition ? MAX_PARTITION_KEY : MAX_SORT_KEY));
  }

  private static void indexKey(Map<String, Value> item, IndexMeta index, String name, @Nullable Type type, int maxSize) {
    Value value = item.get(name);
    if (value == null) {
      return;
    }
    if (value.type() != type) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Type mismatch for Index Key " + name + " Expected: " + type
              + " Actual: " + value.type() + " IndexName: " + index.name());
    }
    if (empty(value)) {
      throw DynamoDbException.validation(
          "One or more parameter values are not valid. A value specified for a secondary index key is not supported."
              + " The AttributeValue for a key attribute cannot contain an empty " + (type == Type.S ? "string" : "binary")
              + " value. IndexName: " + index.name() + ", IndexKey: " + name);
    }
    // AWS's wording, as its users quote it (e.g. "Size limit exceeded for Index Key componentId Actual
    // Size: 2175 bytes Max Size: 2048 bytes IndexName: work-sets-index", wellcomecollection/platform#2285;
    // the same form in architect/dynalite#35).
    int size = type == Type.N ? 0 : Sizes.value(value);
    if (size > maxSize) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Size limit exceeded for Index Key " + name + " Actual Size: " + size
              + " bytes Max Size: " + maxSize + " bytes IndexName: " + index.name());
    }
  }

  private static boolean empty(Value value) {
    return (value instanceof Value.S s && s.value().isEmpty()) || (value instanceof Value.B b && b.value().length() == 0);
  }

  /** A key value over its size limit, with AWS's message for a table key; numbers always fit. */
  static void size(Value value, boolean partition) {
    if (value.type() == Type.N) {
      return;
    }
    int size = Sizes.value(value);
    if (partition && size > MAX_PARTITION_KEY) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }
    if (!partition && size > MAX_SORT_KEY) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }
}
