package com.bellyfed.localaws.dynamodb.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short spellings of attribute values and items for the item-level conformance tests. */
final class ItemValues {

  private ItemValues() {}

  /** A key value no other test uses, so that tests sharing a table never see each other's items. */
  static String unique() {
    return UUID.randomUUID().toString();
  }

  static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  static AttributeValue n(String value) {
    return AttributeValue.builder().n(value).build();
  }

  static AttributeValue b(byte... bytes) {
    return AttributeValue.builder().b(SdkBytes.fromByteArray(bytes)).build();
  }

  static AttributeValue n(long value) {
    return n(Long.toString(value));
  }

  /** A binary value from unsigned byte values written as ints: {@code b(0x00, 0xFF)}. */
  static AttributeValue b(int... bytes) {
    byte[] value = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      value[i] = (byte) bytes[i];
    }
    return AttributeValue.builder().b(software.amazon.awssdk.core.SdkBytes.fromByteArray(value)).build();
  }

  static AttributeValue b(String utf8) {
    return AttributeValue.builder().b(SdkBytes.fromString(utf8, StandardCharsets.UTF_8)).build();
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.builder().bool(value).build();
  }

  static AttributeValue nul() {
    return AttributeValue.builder().nul(true).build();
  }

  static AttributeValue ss(String... values) {
    return AttributeValue.builder().ss(values).build();
  }

  static AttributeValue ns(String... values) {
    return AttributeValue.builder().ns(values).build();
  }

  static AttributeValue bs(String... utf8Values) {
    return AttributeValue.builder()
        .bs(Arrays.stream(utf8Values).map(value -> SdkBytes.fromString(value, StandardCharsets.UTF_8)).toList())
        .build();
  }

  static AttributeValue l(AttributeValue... values) {
    return AttributeValue.builder().l(values).build();
  }

  /** A map value from alternating names and values. */
  static AttributeValue m(Object... namesAndValues) {
    return AttributeValue.builder().m(item(namesAndValues)).build();
  }

  /** An item (or key) from alternating names and values, in that order. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
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

  /** {@code count} copies of {@code c}: for values of an exact byte size. */
  static String repeat(char c, int count) {
    return String.valueOf(c).repeat(count);
  }
}
