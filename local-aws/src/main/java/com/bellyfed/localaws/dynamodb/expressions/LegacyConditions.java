package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the legacy condition parameters: QueryFilter, ScanFilter and KeyConditions
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Conditions.html)
 * and Expected
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Expected.html),
 * with AWS's messages in the order dynalite's AWS-verified tests record.
 */
final class LegacyConditions {

  private static final String INVALID = "One or more parameter values were invalid: ";

  private LegacyConditions() {}

  /** QueryFilter, ScanFilter or KeyConditions: one Condition per attribute. */
  static Map<String, LegacyCondition> readConditions(String parameter, JsonNode conditions) {
    Map<String, LegacyCondition> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = conditions.properties().iterator(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String attribute = entry.getKey();
      JsonNode condition = entry.getValue();
      if (!Placeholders.present(condition)) {
        continue;
      }
      LegacyOperator operator = operator(parameter, attribute, condition.get("ComparisonOperator"));
      List<Value> values = readValues(condition.get("AttributeValueList"));
      if (!operator.takes(values.size())) {
        throw argumentCount(operator);
      }
      checkSameType(values);
      for (Value value : values) {
        if (!operator.accepts(value.type())) {
          throw DynamoDbException.validation(INVALID + "ComparisonOperator " + operator + " is not valid for "
              + value.type().name() + " AttributeValue type");
        }
      }
      checkBetween(operator, values);
      result.put(attribute, new LegacyCondition(attribute, operator, values));
    }
    return result;
  }

  /** Expected: per attribute, Value with Exists, or ComparisonOperator with Value or AttributeValueList. */
  static List<LegacyCondition> readExpected(JsonNode expected) {
    List<LegacyCondition> result = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = expected.properties().iterator(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String attribute = entry.getKey();
      JsonNode condition = entry.getValue();
      if (!Placeholders.present(condition)) {
        continue;
      }
      JsonNode list = condition.get("AttributeValueList");
      JsonNode value = condition.get("Value");
      JsonNode exists = condition.get("Exists");
      JsonNode comparison = condition.get("ComparisonOperator");
      if (Placeholders.present(list) && Placeholders.present(value)) {
        throw DynamoDbException.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + attribute);
      }
      if (Placeholders.present(comparison)) {
        LegacyOperator operator = operator("Expected", attribute, comparison);
        if (Placeholders.present(exists)) {
          throw DynamoDbException.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
        }
        if (operator != LegacyOperator.NULL && operator != LegacyOperator.NOT_NULL
            && !Placeholders.present(list) && !Placeholders.present(value)) {
          throw DynamoDbException.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
              + operator + " for Attribute: " + attribute);
        }
        int count = Placeholders.present(list) ? list.size() : Placeholders.present(value) ? 1 : 0;
        if (!operator.takes(count)) {
          throw argumentCount(operator);
        }
        List<Value> values = Placeholders.present(list) ? readValues(list) : Placeholders.present(value) ? List.of(read(value)) : List.of();
        checkSameType(values);
        checkBetween(operator, values);
        result.add(new LegacyCondition(attribute, operator, values));
      } else if (Placeholders.present(list)) {
        throw DynamoDbException.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
      } else {
        Boolean mustExist = Placeholders.present(exists) ? bool(exists) : null;
        boolean existence = mustExist == null || mustExist;
        if (existence && !Placeholders.present(value)) {
          throw DynamoDbException.validation(INVALID + "Value must be provided when Exists is " + mustExist + " for Attribute: " + attribute);
        }
        if (!existence && Placeholders.present(value)) {
          throw DynamoDbException.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        result.add(existence
            ? new LegacyCondition(attribute, LegacyOperator.EQ, List.of(read(value)))
            : new LegacyCondition(attribute, LegacyOperator.NULL, List.of()));
      }
    }
    return result;
  }

  private static LegacyOperator operator(String parameter, String attribute, @Nullable JsonNode node) {
    String path = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1) + "." + attribute + ".member.comparisonOperator";
    if (!Placeholders.present(node)) {
      throw DynamoDbException.validation("1 validation error detected: Value null at '" + path
          + "' failed to satisfy constraint: Member must not be null");
    }
    try {
      return LegacyOperator.valueOf(node.stringValue(null));
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + node.stringValue(null) + "' at '" + path
          + "' failed to satisfy constraint: Member must satisfy enum value set: "
          + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }
  }

  private static List<Value> readValues(@Nullable JsonNode list) {
    List<Value> values = new ArrayList<>();
    if (Placeholders.present(list)) {
      for (JsonNode element : list) {
        Value value = ValueJson.read(element);
        Placeholders.checkLevels(value);
        values.add(value);
      }
    }
    return values;
  }

  private static Value read(JsonNode json) {
    Value value = ValueJson.read(json);
    Placeholders.checkLevels(value);
    return value;
  }

  private static DynamoDbException argumentCount(LegacyOperator operator) {
    return DynamoDbException.validation(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
  }

  private static void checkSameType(List<Value> values) {
    for (Value value : values) {
      if (value.type() != values.get(0).type()) {
        throw DynamoDbException.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
      }
    }
  }

  private static void checkBetween(LegacyOperator operator, List<Value> values) {
    if (operator == LegacyOperator.BETWEEN && values.size() == 2 && Values.orderable(values.get(0), values.get(1))
        && Values.compare(values.get(0), values.get(1)) > 0) {
      throw DynamoDbException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }
  }

  /** Booleans arrive as JSON booleans or as the strings AWS's reader converts ("true", "1", "yes"). */
  static boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asString("").toUpperCase(Locale.ROOT);
    return text.equals("TRUE") || text.equals("1") || text.equals("YES");
  }
}
