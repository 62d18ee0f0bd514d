package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules of items and keys that need no table: attribute values, nesting depth, item size. */
final class Items {

  /** Levels of nesting a document may have, counting the attribute itself as the first. */
  static final int MAX_DEPTH = 32;

  private static final Pattern UNPREFIXED_START_KEY_MESSAGES =
      Pattern.compile("contains duplicates|number set|numeric value|significant digits|number with magnitude");

  private Items() {}

  /** An item to write (PutItem, a PutRequest, a transaction's Put). */
  static Map<String, Value> item(JsonNode item) {
    for (Iterator<String> names = item.propertyNames().iterator(); names.hasNext(); ) {
      if (names.next().isEmpty()) {
        throw DynamoDbException.validation("Empty attribute name");
      }
    }
    return ValueJson.readMap(item);
  }

  /** An item that passed {@link #item}: its size, then its depth. */
  static void checkWritable(Map<String, Value> item) {
    if (Sizes.item(item) > Sizes.MAX_ITEM) {
      throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
    }
    checkDepth(item);
  }

  /** A key (GetItem, UpdateItem, DeleteItem, batches, transactions). */
  static Map<String, Value> key(JsonNode key) {
    Map<String, Value> values = ValueJson.readMap(key);
    checkDepth(values);
    return values;
  }

  /** A key's values, whose depth the caller checks later. */
  static Map<String, Value> keyValues(JsonNode key) {
    return ValueJson.readMap(key);
  }

  /**
   * ExclusiveStartKey: AWS prefixes most value errors with "The provided starting key is invalid: ",
   * but not those about numbers, number sets and duplicates.
   */
  static void startKey(JsonNode key) {
    try {
      ValueJson.readMap(key);
    } catch (DynamoDbException e) {
      if (UNPREFIXED_START_KEY_MESSAGES.matcher(e.getMessage()).find()) {
        throw e;
      }
      throw DynamoDbException.validation("The provided starting key is invalid: " + e.getMessage());
    }
  }

  static void checkDepth(Map<String, Value> values) {
    for (Value value : values.values()) {
      if (depth(value) > MAX_DEPTH) {
        throw DynamoDbException.validation(
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
      }
    }
  }

  private static int depth(Value value) {
    int deepest = 0;
    if (value instanceof Value.M map) {
      for (Value member : map.values().values()) {
        deepest = Math.max(deepest, depth(member));
      }
    } else if (value instanceof Value.L list) {
      for (Value member : list.values()) {
        deepest = Math.max(deepest, depth(member));
      }
    }
    return 1 + deepest;
  }
}
