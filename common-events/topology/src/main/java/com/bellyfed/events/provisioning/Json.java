package com.bellyfed.events.provisioning;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON equality for policies and patterns that AWS may return re-serialised. */
final class Json {

  // Jackson 3's shared default mapper: immutable, and nothing here needs settings of its own.
  private static final JsonMapper MAPPER = JsonMapper.shared();

  private Json() {}

  static boolean same(String left, String right) {
    if (left == null || right == null) {
      return left == right;
    }
    return tree(left).equals(tree(right));
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Not JSON: " + json, e);
    }
  }

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}
