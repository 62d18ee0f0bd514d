package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Stage 1: the body against the operation's shape, as AWS's JSON reader sees it. It reads the body
 * in document order and fails at the first member of the wrong JSON type with a SerializationException
 * whose message names what it expected; members it does not know and nulls it skips.
 */
final class JsonTypes {

  /** What AWS's reader says when a list or map declared with a generic type gets a scalar. */
  static final String PARAMETERIZED_TYPE = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl"
      + " cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl"
      + " and java.lang.Class are in module java.base of loader 'bootstrap')";
  private static final String UNEXPECTED_FIELD = "Unexpected field type";
  private static final String UNEXPECTED_VALUE = "Unexpected value type in payload";
  private static final String UNEXPECTED_STRUCTURE = "Start of structure or map found where not expected";

  /** Where a value sits: the reader's messages differ for a structure's field, a list's member and a map's value. */
  private enum Position {
    FIELD,
    LIST_MEMBER,
    MAP_VALUE
  }

  private JsonTypes() {}

  static void check(Struct input, JsonNode body) {
    members(input, body);
  }

  private static void members(Struct struct, JsonNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      Member member = struct.member(field.getKey());
      if (member != null) {
        value(member.shape(), field.getValue(), Position.FIELD);
      }
    }
  }

  private static void value(Shape shape, JsonNode node, Position position) {
    if (node.isNull()) {
      return;
    }
    if (shape instanceof Shape.Str) {
      ValueJson.checkString(node);
    } else if (shape instanceof Shape.Bool) {
      ValueJson.checkBoolean(node);
    } else if (shape instanceof Shape.Num number) {
      number(number, node);
    } else if (shape instanceof Shape.ListOf list) {
      list(list, node, position);
    } else if (shape instanceof Shape.MapOf map) {
      map(map, node, position);
    } else if (shape instanceof Struct struct) {
      struct(struct, node, position);
    } else {
      attributeValue(node, position);
    }
  }

  private static void number(Shape.Num shape, JsonNode node) {
    String type = shape.isLong() ? "Long" : "Integer";
    if (node.isNumber()) {
      // Read as the reader reads the literal it stands for: 1e2000 is refused as 2,001 digits are.
      Json.wholeNumber(node);
      return;
    }
    if (node.isBoolean()) {
      throw fail((node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + type);
    }
    if (node.isString()) {
      throw fail("STRING_VALUE cannot be converted to " + type);
    }
    if (node.isArray()) {
      throw fail("Unrecognized collection type class java.lang." + type);
    }
    throw fail(UNEXPECTED_STRUCTURE);
  }

  private static void list(Shape.ListOf shape, JsonNode node, Position position) {
    if (node.isArray()) {
      for (JsonNode member : node) {
        value(shape.member(), member, Position.LIST_MEMBER);
      }
      return;
    }
    if (node.isObject()) {
      throw fail(UNEXPECTED_STRUCTURE);
    }
    throw fail(position == Position.FIELD ? UNEXPECTED_FIELD : PARAMETERIZED_TYPE);
  }

  private static void map(Shape.MapOf shape, JsonNode node, Position position) {
    if (node.isObject()) {
      for (JsonNode value : node) {
        value(shape.value(), value, Position.MAP_VALUE);
      }
      return;
    }
    if (node.isArray()) {
      throw fail("Unrecognized collection type " + shape.javaType());
    }
    throw fail(position == Position.FIELD ? UNEXPECTED_FIELD : PARAMETERIZED_TYPE);
  }

  private static void struct(Struct shape, JsonNode node, Position position) {
    if (node.isObject()) {
      members(shape, node);
      return;
    }
    if (node.isArray()) {
      throw fail("Unrecognized collection type class " + shape.javaType());
    }
    throw fail(position == Position.FIELD ? UNEXPECTED_FIELD : UNEXPECTED_VALUE);
  }

  private static void attributeValue(JsonNode node, Position position) {
    if (position == Position.FIELD && !node.isContainer()) {
      // A value held by a structure's field (Expected's Value, AttributeUpdates' Value) is read as a field.
      throw fail(UNEXPECTED_FIELD);
    }
    ValueJson.checkShape(node);
  }

  private static DynamoDbException fail(String message) {
    return DynamoDbException.serialization(message);
  }
}
