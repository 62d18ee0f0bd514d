package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.KeyCodec;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stored keys of a table and of its indexes. A table's key is (hash of partition key, partition key,
 * sort key); an index's is (hash of index partition key, index partition key, index sort key, table
 * partition key, table sort key): index keys need not be unique, the table's key makes them so.
 */
final class Keys {

  private Keys() {}

  /** The stored key of an item (or key) whose key attributes were validated against {@code schema}. */
  static byte[] tableKey(KeySchema schema, Map<String, Value> item) {
    byte[] partition = KeyCodec.encode(item.get(schema.partitionName()));
    if (schema.sortName() == null) {
      return KeyCodec.join(KeyCodec.hash(partition), partition);
    }
    return KeyCodec.join(KeyCodec.hash(partition), partition, KeyCodec.encode(item.get(schema.sortName())));
  }

  /**
   * The stored key of an item in an index, or null where the item has no valid key for it: a key
   * attribute missing, of another type, empty or over its size limit. Writes refuse such items; a
   * backfill leaves them out of the index, as AWS does
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html).
   */
  static byte @Nullable [] indexKey(KeySchema index, KeySchema table, Map<String, Value> item) {
    Value partitionValue = item.get(index.partitionName());
    if (!KeyValidation.indexable(partitionValue, index.partitionType(), true)) {
      return null;
    }
    byte[] partition = KeyCodec.encode(partitionValue);
    byte[] hash = KeyCodec.hash(partition);
    byte[] tablePartition = KeyCodec.encode(item.get(table.partitionName()));
    byte[] tableSort = table.sortName() == null ? null : KeyCodec.encode(item.get(table.sortName()));
    if (index.sortName() == null) {
      return tableSort == null
          ? KeyCodec.join(hash, partition, tablePartition)
          : KeyCodec.join(hash, partition, tablePartition, tableSort);
    }
    Value sortValue = item.get(index.sortName());
    if (!KeyValidation.indexable(sortValue, index.sortType(), false)) {
      return null;
    }
    byte[] sort = KeyCodec.encode(sortValue);
    return tableSort == null
        ? KeyCodec.join(hash, partition, sort, tablePartition)
        : KeyCodec.join(hash, partition, sort, tablePartition, tableSort);
  }

  /** The first components of every stored key in one partition: (hash, partition key). */
  static byte[] partitionPrefix(Value partitionValue) {
    byte[] partition = KeyCodec.encode(partitionValue);
    return KeyCodec.join(KeyCodec.hash(partition), partition);
  }

  /** The key attributes of an item: the table's, and the index's when reading an index. */
  static Map<String, Value> keyAttributes(Map<String, Value> item, KeySchema table, @Nullable KeySchema index) {
    Map<String, Value> key = new LinkedHashMap<>();
    if (index != null) {
      copy(item, index.partitionName(), key);
      if (index.sortName() != null) {
        copy(item, index.sortName(), key);
      }
    }
    copy(item, table.partitionName(), key);
    if (table.sortName() != null) {
      copy(item, table.sortName(), key);
    }
    return key;
  }

  private static void copy(Map<String, Value> from, String name, Map<String, Value> to) {
    Value value = from.get(name);
    if (value != null) {
      to.put(name, value);
    }
  }
}
