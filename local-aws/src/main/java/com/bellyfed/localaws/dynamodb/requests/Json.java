package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reading members whose JSON type stage 1 has checked, the way AWS's reader converts them. */
final class Json {

  private Json() {}

  /** The member, or null when it is absent or JSON null (AWS treats both as absent). */
  static @Nullable JsonNode member(@Nullable JsonNode node, String name) {
    if (node == null) {
      return null;
    }
    JsonNode member = node.get(name);
    return member == null || member.isNull() ? null : member;
  }

  static @Nullable String text(@Nullable JsonNode node, String name) {
    JsonNode member = member(node, name);
    return member == null ? null : member.stringValue(null);
  }

  /** A Boolean member: JSON booleans, and the strings AWS's reader accepts for them ("true", "yes", "1"...). */
  static boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asString("").toUpperCase(Locale.ROOT);
    return text.equals("TRUE") || text.equals("1") || text.equals("YES");
  }

  /**
   * Digits a whole number may have: as many as the JSON reader lets an integer literal have. A
   * decimal with an exponent can stand for far more (1e2147483647); it is refused as that literal
   * would be, rather than expanded digit by digit.
   */
  static final int MAX_WHOLE_DIGITS = 1000;

  /** An Integer or Long member; AWS's (Java) reader truncates a decimal part toward zero. */
  static BigInteger wholeNumber(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    BigDecimal decimal = node.decimalValue();
    long integerDigits = (long) decimal.precision() - decimal.scale();
    if (integerDigits <= 0) {
      return BigInteger.ZERO;
    }
    if (integerDigits > MAX_WHOLE_DIGITS) {
      throw DynamoDbException.serialization("");
    }
    return decimal.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
  }

  static @Nullable BigInteger wholeNumber(@Nullable JsonNode node, String name) {
    JsonNode member = member(node, name);
    return member == null ? null : wholeNumber(member);
  }

  /** Members of a list member, an empty list when it is absent. */
  static Iterable<JsonNode> elements(@Nullable JsonNode node, String name) {
    JsonNode member = member(node, name);
    return member == null ? List.of() : member;
  }
}
