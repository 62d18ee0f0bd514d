package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The key checks of a transaction's actions, which AWS splits in two
 * (paritysuite/dynamodb-conformance tests/tier3/error-messages/transactWriteItems.test.ts and
 * transactGetItems.test.ts, captured in four regions, 2026): an empty string or binary key value, or a
 * key over its size limit, refuses the whole request up front (thrown here), while a key that does not
 * fit the schema (missing, of another type) cancels the transaction with a ValidationError reason
 * (returned here, for the action to fail with). A Put says so as PutItem does; a lookup Key says "The
 * provided key element does not match the schema".
 */
final class ActionKeys {

  private ActionKeys() {}

  /** The item of a Put: null when it fits, else the reason's exception. */
  static @Nullable DynamoDbException item(Map<String, Value> item, TableMeta meta) {
    KeySchema schema = meta.keySchema();
    DynamoDbException problem = itemKey(item, schema.partitionName(), schema.partitionType());
    if (problem == null && schema.hasSortKey()) {
      problem = itemKey(item, schema.sortName(), schema.sortType());
    }
    if (problem != null) {
      return problem;
    }
    // Only the values that fit are checked further: their emptiness and size refuse the request.
    KeyValidation.item(item, meta);
    return null;
  }

  private static @Nullable DynamoDbException itemKey(Map<String, Value> item, String name, Type type) {
    Value value = item.get(name);
    if (value == null) {
      return DynamoDbException.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    if (value.type() != type) {
      return DynamoDbException.validation(
          "One or more parameter values were invalid: Type mismatch for key " + name + " expected: " + type
              + " actual: " + value.type());
    }
    return null;
  }

  /** The Key of an Update, Delete, ConditionCheck or Get: null when it fits, else the reason's exception. */
  static @Nullable DynamoDbException key(Map<String, Value> key, KeySchema schema) {
    int expected = schema.hasSortKey() ? 2 : 1;
    boolean fits = key.size() == expected && fits(key, schema.partitionName(), schema.partitionType())
        && (!schema.hasSortKey() || fits(key, schema.sortName(), schema.sortType()));
    if (!fits) {
      return KeyValidation.mismatch();
    }
    KeyValidation.key(key, schema);
    return null;
  }

  private static boolean fits(Map<String, Value> key, String name, Type type) {
    Value value = key.get(name);
    return value != null && value.type() == type;
  }
}
