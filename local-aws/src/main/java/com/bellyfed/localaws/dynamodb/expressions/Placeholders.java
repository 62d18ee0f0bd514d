package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ExpressionAttributeNames and ExpressionAttributeValues of one request, checked as AWS checks
 * them, and which of them the request's expressions used: every one must be
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html).
 */
final class Placeholders {

  private final Map<String, String> names;
  private final Map<String, Value> values;
  private final Set<String> unusedNames;
  private final Set<String> unusedValues;

  private Placeholders(Map<String, String> names, Map<String, Value> values) {
    this.names = names;
    this.values = values;
    this.unusedNames = new LinkedHashSet<>(names.keySet());
    this.unusedValues = new LinkedHashSet<>(values.keySet());
  }

  static Placeholders none() {
    return new Placeholders(Map.of(), Map.of());
  }

  /** Reads and checks both maps; {@code values} is null where the operation has no ExpressionAttributeValues. */
  static Placeholders read(@Nullable JsonNode names, @Nullable JsonNode values) {
    Map<String, String> nameMap = new LinkedHashMap<>();
    if (present(names)) {
      if (names.size() == 0) {
        throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = names.properties().iterator(); entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String key = entry.getKey();
        if (!isPlaceholder(key, '#')) {
          throw DynamoDbException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
        }
        JsonNode name = entry.getValue();
        if (name == null || name.isNull()) {
          continue;
        }
        if (name.stringValue(null).isEmpty()) {
          throw DynamoDbException.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
        }
        nameMap.put(key, name.stringValue(null));
      }
    }
    Map<String, Value> valueMap = new LinkedHashMap<>();
    if (present(values)) {
      if (values.size() == 0) {
        throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
      }
      for (Iterator<String> keys = values.propertyNames().iterator(); keys.hasNext(); ) {
        String key = keys.next();
        if (!isPlaceholder(key, ':')) {
          throw DynamoDbException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = values.properties().iterator(); entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (entry.getValue() == null || entry.getValue().isNull()) {
          continue;
        }
        try {
          Value value = ValueJson.read(entry.getValue());
          checkLevels(value);
          valueMap.put(entry.getKey(), value);
        } catch (DynamoDbException e) {
          if (!e.shortType().equals("ValidationException")) {
            throw e;
          }
          throw DynamoDbException.validation(
              "ExpressionAttributeValues contains invalid value: " + e.getMessage() + " for key " + entry.getKey());
        }
      }
    }
    return new Placeholders(nameMap, valueMap);
  }

  /**
   * A value nested past 33 levels, counting itself: one level more than an item's attribute may have,
   * since a value of 32 nested maps is accepted where AWS's older validation runs (eu-south-2 and
   * me-central-1, and every region for transactions: paritysuite/dynamodb-conformance
   * tests/tier3/limits/nestingDepth.test.ts and registry/splits.json
   * update-item-nesting-depth-expression-value), and one of 40 is refused in every region
   * (tests/tier3/validation-ordering/deepRequests.test.ts), naming the value's key. The legacy
   * conditions' values are held to the same, unwrapped (a ScanFilter value, same source).
   */
  static void checkLevels(Value value) {
    if (Value.levels(value) > MAX_VALUE_LEVELS) {
      throw DynamoDbException.validation(
          "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
    }
  }

  private static final int MAX_VALUE_LEVELS = 33;


  static boolean present(@Nullable JsonNode node) {
    return node != null && !node.isNull();
  }

  private static boolean isPlaceholder(String key, char sigil) {
    if (key.length() < 2 || key.charAt(0) != sigil) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** The attribute name behind {@code #placeholder}, marking it used; null where it is not defined. */
  @Nullable String name(String placeholder) {
    String name = names.get(placeholder);
    if (name != null) {
      unusedNames.remove(placeholder);
    }
    return name;
  }

  /** The value behind {@code :placeholder}, marking it used; null where it is not defined. */
  @Nullable Value value(String placeholder) {
    Value value = values.get(placeholder);
    if (value != null) {
      unusedValues.remove(placeholder);
    }
    return value;
  }

  /** After every expression of the request is compiled: a placeholder defined but never used is an error. */
  void checkAllUsed() {
    if (!unusedNames.isEmpty()) {
      throw DynamoDbException.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
    }
    if (!unusedValues.isEmpty()) {
      throw DynamoDbException.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
    }
  }
}
