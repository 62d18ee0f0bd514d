package com.bellyfed.localaws.dynamodb.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short spellings of attribute values and items. */
final class ItemValues {

  private ItemValues() {}

  static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  static AttributeValue n(String value) {
    return AttributeValue.builder().n(value).build();
  }

  static AttributeValue n(long value) {
    return n(Long.toString(value));
  }

  static AttributeValue b(int... bytes) {
    byte[] value = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      value[i] = (byte) bytes[i];
    }
    return AttributeValue.builder().b(SdkBytes.fromByteArray(value)).build();
  }

  /** An item from name/value pairs: {@code item("pk", s("a"), "n", n(1))}. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
    }
    return item;
  }

  /** A string of {@code length} ASCII letters: one byte each in UTF-8, which AWS's size rules count. */
  static String letters(int length) {
    return "x".repeat(length);
  }
}
