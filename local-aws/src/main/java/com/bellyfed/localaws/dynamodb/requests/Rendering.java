package com.bellyfed.localaws.dynamodb.requests;

import tools.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A member's value as AWS quotes it in a constraint message: Java's toString of the deserialized
 * object. Strings and numbers as they are, lists as {@code [a, b]}, maps as {@code {k=v}}, structures
 * as {@code KeySchemaElement(attributeName=pk, keyType=HASH)} with every member, absent ones as null.
 */
final class Rendering {

  private static final List<String> ATTRIBUTE_VALUE_MEMBERS = List.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

  private Rendering() {}

  static String render(Shape shape, JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (shape instanceof Shape.Num) {
      return Json.wholeNumber(node).toString();
    }
    if (shape instanceof Shape.Bool) {
      return String.valueOf(Json.bool(node));
    }
    if (shape instanceof Shape.ListOf list) {
      StringJoiner joined = new StringJoiner(", ", "[", "]");
      for (JsonNode member : node) {
        joined.add(render(list.member(), member));
      }
      return joined.toString();
    }
    if (shape instanceof Shape.MapOf map) {
      if (map.renderedAsJson()) {
        return node.toString();
      }
      StringJoiner joined = new StringJoiner(", ", "{", "}");
      for (Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator(); entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        joined.add(entry.getKey() + "=" + render(map.value(), entry.getValue()));
      }
      return joined.toString();
    }
    if (shape instanceof Struct struct) {
      StringJoiner joined = new StringJoiner(", ", struct.name() + "(", ")");
      for (Member member : struct.members()) {
        JsonNode value = node.get(member.name());
        joined.add(member.pathName() + "=" + (value == null ? "null" : render(member.shape(), value)));
      }
      return joined.toString();
    }
    if (shape instanceof Shape.AttrValue) {
      return attributeValue(node);
    }
    return node.isString() ? node.stringValue(null) : node.toString();
  }

  private static String attributeValue(JsonNode node) {
    StringJoiner joined = new StringJoiner(", ", "AttributeValue(", ")");
    for (String type : ATTRIBUTE_VALUE_MEMBERS) {
      JsonNode value = node.get(type);
      if (value == null || value.isNull()) {
        continue;
      }
      String text;
      if (value.isArray() && (type.equals("L"))) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        value.forEach(member -> list.add(attributeValue(member)));
        text = list.toString();
      } else if (value.isObject()) {
        StringJoiner map = new StringJoiner(", ", "{", "}");
        value.properties().forEach(entry -> map.add(entry.getKey() + "=" + attributeValue(entry.getValue())));
        text = map.toString();
      } else if (value.isArray()) {
        StringJoiner set = new StringJoiner(", ", "[", "]");
        value.forEach(member -> set.add(member.asString("")));
        text = set.toString();
      } else {
        text = value.asString("");
      }
      joined.add(type + "=" + text);
    }
    return joined.toString();
  }
}
