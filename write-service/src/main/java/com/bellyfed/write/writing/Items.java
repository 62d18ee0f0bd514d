package com.bellyfed.write.writing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB attribute values without repeating null checks in every repository. */
public final class Items {

  /**
   * The clock of every stored timestamp: items keep milliseconds ({@code TableKeys.timestamp}), so a
   * response built from a finer {@code Instant} would show a createdAt that a later read of the same
   * item no longer gives.
   */
  public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

  private Items() {}

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue n(BigDecimal value) {
    return AttributeValue.fromN(value.toPlainString());
  }

  public static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  public static @Nullable String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  public static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : new BigDecimal(value.n()).longValueExact();
  }

  public static @Nullable BigDecimal decimal(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : new BigDecimal(value.n());
  }

  public static List<String> stringList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
  }
}
