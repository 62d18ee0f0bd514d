package com.bellyfed.localaws.dynamodb.requests;

import tools.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Strings with an unpaired UTF-16 surrogate, which only a JSON escape such as {@code "\ud800"} can
 * make: they have no UTF-8 form, so they cannot be stored or compared as DynamoDB stores strings (as
 * UTF-8). Written out they would turn into '?', and two different keys into the same one. Raw bytes
 * that are not UTF-8 are a SerializationException; an escape that is not Unicode is refused alike.
 */
final class Surrogates {

  private Surrogates() {}

  /** Whether the body holds a {@code \\u} escape in the surrogate range, the only way to write one. */
  static boolean mayHaveEscapedOnes(byte[] body) {
    for (int i = 0; i + 3 < body.length; i++) {
      if (body[i] == '\\' && body[i + 1] == 'u' && (body[i + 2] == 'd' || body[i + 2] == 'D')) {
        int next = Character.toLowerCase(body[i + 3]);
        if ((next >= '8' && next <= '9') || (next >= 'a' && next <= 'f')) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether any member name or string in the tree has an unpaired surrogate. */
  static boolean anyUnpaired(JsonNode node) {
    if (node.isString()) {
      return unpaired(node.stringValue(null));
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator(); members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        if (unpaired(member.getKey()) || anyUnpaired(member.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (anyUnpaired(element)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean unpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
