package com.bellyfed.localaws.dynamodb.model;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values in the AWS JSON protocol, both ways. Reading happens in AWS's two stages: the
 * shape of the JSON ({@link #checkShape}, a SerializationException naming the Java type the service
 * expected) and then the values' rules ({@link #read}, a ValidationException with AWS's texts).
 */
public final class ValueJson {

  private static final String ATTRIBUTE_VALUE = "com.amazonaws.dynamodb.v20120810.AttributeValue";

  private ValueJson() {}

  // ---- shape (SerializationException)

  /** Checks one attribute value's JSON shape; unknown members and nulls are ignored, as AWS does. */
  public static void checkShape(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      throw DynamoDbException.serialization("Unrecognized collection type class " + ATTRIBUTE_VALUE);
    }
    if (!node.isObject()) {
      throw DynamoDbException.serialization("Unexpected value type in payload");
    }
    for (Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator(); members.hasNext(); ) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode value = member.getValue();
      if (value.isNull()) {
        continue;
      }
      switch (member.getKey()) {
        case "S", "N" -> checkString(value);
        case "B" -> checkBlob(value);
        case "BOOL", "NULL" -> checkBoolean(value);
        case "SS", "NS" -> checkList(value, ValueJson::checkString);
        case "BS" -> checkList(value, ValueJson::checkBlob);
        case "L" -> checkList(value, ValueJson::checkShape);
        case "M" -> checkMap(value);
        default -> {
          // AWS ignores members it does not know.
        }
      }
    }
  }

  /** Checks a map of attribute values (an item, a key, ExpressionAttributeValues). */
  public static void checkMap(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      throw DynamoDbException.serialization(
          "Unrecognized collection type java.util.Map<java.lang.String, " + ATTRIBUTE_VALUE + ">");
    }
    if (!node.isObject()) {
      throw DynamoDbException.serialization("Unexpected field type");
    }
    for (Iterator<JsonNode> values = node.values().iterator(); values.hasNext(); ) {
      checkShape(values.next());
    }
  }

  public static void checkString(JsonNode node) {
    if (node.isString() || node.isNull()) {
      return;
    }
    if (node.isBoolean()) {
      throw DynamoDbException.serialization((node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to String");
    }
    if (node.isNumber()) {
      throw DynamoDbException.serialization(numberKind(node) + " cannot be converted to String");
    }
    if (node.isArray()) {
      throw DynamoDbException.serialization("Unrecognized collection type class java.lang.String");
    }
    throw DynamoDbException.serialization("Start of structure or map found where not expected");
  }

  public static void checkBoolean(JsonNode node) {
    if (node.isBoolean() || node.isNull()) {
      return;
    }
    if (node.isNumber()) {
      throw DynamoDbException.serialization(numberKind(node) + " cannot be converted to Boolean");
    }
    if (node.isString()) {
      if (parseBooleanText(node.stringValue(null)) == null) {
        throw DynamoDbException.serialization("Unexpected token received from parser");
      }
      return;
    }
    if (node.isArray()) {
      throw DynamoDbException.serialization("Unrecognized collection type class java.lang.Boolean");
    }
    throw DynamoDbException.serialization("Start of structure or map found where not expected");
  }

  public static void checkBlob(JsonNode node) {
    if (node.isNull()) {
      return;
    }
    if (node.isBoolean() || node.isNumber()) {
      throw DynamoDbException.serialization("only base-64-encoded strings are convertible to bytes");
    }
    if (node.isArray()) {
      throw DynamoDbException.serialization("Unrecognized collection type class java.nio.ByteBuffer");
    }
    if (node.isObject()) {
      throw DynamoDbException.serialization("Start of structure or map found where not expected");
    }
    decodeBase64(node.stringValue(null));
  }

  private static void checkList(JsonNode node, java.util.function.Consumer<JsonNode> element) {
    if (node.isArray()) {
      node.forEach(element);
      return;
    }
    if (node.isObject()) {
      throw DynamoDbException.serialization("Start of structure or map found where not expected");
    }
    throw DynamoDbException.serialization("Unexpected field type");
  }

  private static String numberKind(JsonNode node) {
    return node.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
  }

  /** AWS's JSON reader takes these strings for booleans; anything else is not a boolean. */
  static Boolean parseBooleanText(String text) {
    return switch (text.toUpperCase(java.util.Locale.ROOT)) {
      case "TRUE", "1", "YES" -> Boolean.TRUE;
      case "FALSE", "0", "NO" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static boolean booleanOf(JsonNode node) {
    return node.isBoolean() ? node.booleanValue() : Boolean.TRUE.equals(parseBooleanText(node.stringValue(null)));
  }

  public static byte[] decodeBase64(String text) {
    if (text.length() % 4 != 0) {
      throw DynamoDbException.serialization(
          "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
        throw DynamoDbException.serialization("Invalid last non-pad Base64 character dectected");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.serialization("Invalid last non-pad Base64 character dectected");
    }
  }

  // ---- values (ValidationException)

  /** Reads a map of attribute values whose shape was checked. */
  public static Map<String, Value> readMap(JsonNode node) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator(); members.hasNext(); ) {
      Map.Entry<String, JsonNode> member = members.next();
      if (!member.getValue().isNull()) {
        values.put(member.getKey(), read(member.getValue()));
      }
    }
    return values;
  }

  /**
   * Reads one attribute value whose shape was checked, with AWS's checks in AWS's order: empty,
   * then per member (numbers, NULL false, empty sets, duplicates, nested values), then more than one.
   */
  public static Value read(JsonNode node) {
    Value value = null;
    int members = 0;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> member = fields.next();
      JsonNode json = member.getValue();
      if (json.isNull()) {
        continue;
      }
      Value read = readMember(member.getKey(), json);
      if (read != null) {
        members++;
        value = read;
      }
    }
    if (members == 0) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (members > 1) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    return value;
  }

  private static Value readMember(String type, JsonNode json) {
    switch (type) {
      case "S":
        return new Value.S(json.stringValue(null));
      case "N":
        return new Value.N(Numbers.parse(json.stringValue(null)));
      case "B":
        return new Value.B(Bytes.wrap(decodeBase64(json.stringValue(null))));
      case "BOOL":
        return Value.Bool.of(booleanOf(json));
      case "NULL":
        if (!booleanOf(json)) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return Value.Null.INSTANCE;
      case "SS": {
        List<JsonNode> elements = members(json);
        if (elements.isEmpty()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: An string set  may not be empty");
        }
        Set<String> set = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        for (JsonNode element : elements) {
          given.add(element.stringValue(null));
          set.add(element.stringValue(null));
        }
        if (set.size() < given.size()) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Input collection " + given + " contains duplicates.");
        }
        return new Value.SS(set);
      }
      case "NS": {
        List<JsonNode> elements = members(json);
        if (elements.isEmpty()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: An number set  may not be empty");
        }
        Set<BigDecimal> set = new LinkedHashSet<>();
        List<BigDecimal> given = new ArrayList<>();
        for (JsonNode element : elements) {
          BigDecimal number = Numbers.parse(element.stringValue(null));
          given.add(number);
          set.add(number);
        }
        if (set.size() < given.size()) {
          throw DynamoDbException.validation("Input collection contains duplicates");
        }
        return new Value.NS(set);
      }
      case "BS": {
        List<JsonNode> elements = members(json);
        if (elements.isEmpty()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Binary sets should not be empty");
        }
        Set<Bytes> set = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        for (JsonNode element : elements) {
          given.add(element.stringValue(null));
          set.add(Bytes.wrap(decodeBase64(element.stringValue(null))));
        }
        if (set.size() < given.size()) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Input collection " + given + "of type BS contains duplicates.");
        }
        return new Value.BS(set);
      }
      case "L": {
        List<Value> list = new ArrayList<>(json.size());
        for (JsonNode element : json) {
          list.add(read(element));
        }
        return new Value.L(list);
      }
      case "M":
        return new Value.M(readMap(json));
      default:
        return null;
    }
  }

  /**
   * A set's members without JSON nulls: the shape check lets a null member through, as AWS does any
   * null it reads, and a null is no member (so a set of nulls alone is an empty set).
   */
  private static List<JsonNode> members(JsonNode set) {
    List<JsonNode> members = new ArrayList<>(set.size());
    for (JsonNode member : set) {
      if (!member.isNull()) {
        members.add(member);
      }
    }
    return members;
  }

  // ---- writing

  public static void writeMap(JsonGenerator out, Map<String, Value> values) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, Value> entry : values.entrySet()) {
      out.writeName(entry.getKey());
      write(out, entry.getValue());
    }
    out.writeEndObject();
  }

  public static void write(JsonGenerator out, Value value) throws IOException {
    out.writeStartObject();
    switch (value.type()) {
      case S -> out.writeStringProperty("S", ((Value.S) value).value());
      case N -> out.writeStringProperty("N", ((Value.N) value).text());
      case B -> out.writeStringProperty("B", ((Value.B) value).value().base64());
      case BOOL -> out.writeBooleanProperty("BOOL", ((Value.Bool) value).value());
      case NULL -> out.writeBooleanProperty("NULL", true);
      case SS -> {
        out.writeArrayPropertyStart("SS");
        for (String element : ((Value.SS) value).values()) {
          out.writeString(element);
        }
        out.writeEndArray();
      }
      case NS -> {
        out.writeArrayPropertyStart("NS");
        for (BigDecimal element : ((Value.NS) value).values()) {
          out.writeString(element.toPlainString());
        }
        out.writeEndArray();
      }
      case BS -> {
        out.writeArrayPropertyStart("BS");
        for (Bytes element : ((Value.BS) value).values()) {
          out.writeString(element.base64());
        }
        out.writeEndArray();
      }
      case L -> {
        out.writeArrayPropertyStart("L");
        for (Value element : ((Value.L) value).values()) {
          write(out, element);
        }
        out.writeEndArray();
      }
      case M -> {
        out.writeName("M");
        writeMap(out, ((Value.M) value).values());
      }
    }
    out.writeEndObject();
  }
}
