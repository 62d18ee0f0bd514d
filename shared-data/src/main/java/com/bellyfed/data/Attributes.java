package com.bellyfed.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typed reads and writes of attribute values for the codecs. Reads are lenient: an absent or
 * mistyped attribute reads as null (or empty), because items written before a rule existed must
 * still be readable.
 */
public final class Attributes {

  private Attributes() {}

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue n(BigDecimal value) {
    return AttributeValue.fromN(value.toPlainString());
  }

  /** A list of strings as L of S (the documented type of {@code tags} and the preference lists). */
  public static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  public static @Nullable String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  public static @Nullable BigDecimal decimal(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : new BigDecimal(value.n());
  }

  public static @Nullable Integer integer(Map<String, AttributeValue> item, String name) {
    BigDecimal value = decimal(item, name);
    return value == null ? null : value.intValueExact();
  }

  public static long number(Map<String, AttributeValue> item, String name) {
    BigDecimal value = decimal(item, name);
    return value == null ? 0 : value.longValueExact();
  }

  /** L of S as written; SS too, as an older writer may have used a string set. */
  public static List<String> stringList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      return List.of();
    }
    if (value.hasL()) {
      return value.l().stream().map(AttributeValue::s).filter(s -> s != null).toList();
    }
    return value.hasSs() ? List.copyOf(value.ss()) : List.of();
  }

  public static @Nullable Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasM() ? null : value.m();
  }

  public static @Nullable Instant instant(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    return value == null ? null : Instant.parse(value);
  }

  /** Stripped, and null when nothing is left: how every optional text of an item is stored. */
  public static @Nullable String text(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Stripped but kept when blank, so that a required field's rule (not blank) still sees it. */
  public static @Nullable String required(@Nullable String value) {
    return value == null ? null : value.strip();
  }
}
