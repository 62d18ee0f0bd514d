package com.bellyfed.localaws.cognito;

import tools.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads request members, failing as the API's input validation does. */
final class Requests {

  private Requests() {}

  /** A required string member; its validation name is the member name with a lower-case initial. */
  static String required(JsonNode body, String member) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value null at '" + lowerInitial(member) + "' failed to satisfy constraint: Member must not be null");
    }
    if (!value.isString() || value.asString("").isEmpty()) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value at '" + lowerInitial(member) + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    return value.asString("");
  }

  static @Nullable String optional(JsonNode body, String member) {
    JsonNode value = body.get(member);
    return value == null || value.isNull() ? null : value.asString("");
  }

  /** A {@code [{Name, Value}]} list as a map, in order. */
  static Map<String, String> attributes(JsonNode list) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (JsonNode attribute : list) {
      String name = attribute.path("Name").asString("");
      if (name.isEmpty()) {
        throw CognitoException.invalidParameter("Attribute name must not be empty.");
      }
      if (name.equals("sub")) {
        throw CognitoException.invalidParameter("Cannot modify the non-mutable attribute sub");
      }
      attributes.put(name, attribute.path("Value").asString(""));
    }
    return attributes;
  }

  private static String lowerInitial(String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }
}
