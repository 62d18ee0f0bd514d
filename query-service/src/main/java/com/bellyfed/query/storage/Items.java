package com.bellyfed.query.storage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed reads of item attributes written by other services; absent or mistyped attributes read as null. */
public final class Items {

  private Items() {}

  public static @Nullable String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  public static @Nullable BigDecimal number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : new BigDecimal(value.n());
  }

  public static @Nullable Integer integer(Map<String, AttributeValue> item, String name) {
    BigDecimal value = number(item, name);
    return value == null ? null : value.intValue();
  }

  public static long longOr(Map<String, AttributeValue> item, String name, long fallback) {
    BigDecimal value = number(item, name);
    return value == null ? fallback : value.longValue();
  }

  public static List<String> strings(Map<String, AttributeValue> item, String name) {
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
}
