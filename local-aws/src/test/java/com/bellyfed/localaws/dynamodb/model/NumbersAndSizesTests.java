package com.bellyfed.localaws.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number)
 * and item sizes (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
 */
class NumbersAndSizesTests {

  @Test
  void normalisesTrailingZerosAndExponents() {
    assertThat(Value.n("1.50").text()).isEqualTo("1.5");
    assertThat(Value.n("0.00").text()).isEqualTo("0");
    assertThat(Value.n("1e2").text()).isEqualTo("100");
    assertThat(Value.n("-0").text()).isEqualTo("0");
    assertThat(Value.n("1.50")).isEqualTo(Value.n("1.5"));
  }

  @Test
  void acceptsThirtyEightDigitsAndTheDocumentedRange() {
    assertThat(Value.n("12345678901234567890123456789012345678").text()).hasSize(38);
    assertThat(Value.n("9.9999999999999999999999999999999999999E+125")).isNotNull();
    assertThat(Value.n("1E-130")).isNotNull();
    assertThat(Value.n("-1E-130")).isNotNull();
  }

  @Test
  void refusesWhatDynamoDbRefusesWithItsMessages() {
    assertThatThrownBy(() -> Value.n("123456789012345678901234567890123456789"))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    assertThatThrownBy(() -> Value.n("1E+126"))
        .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
    assertThatThrownBy(() -> Value.n("1E-131"))
        .hasMessage("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    assertThatThrownBy(() -> Value.n("abc")).hasMessage("The parameter cannot be converted to a numeric value: abc");
    assertThatThrownBy(() -> Value.n("")).hasMessage("The parameter cannot be converted to a numeric value");
  }

  // paritysuite/dynamodb-conformance tests/tier3/limits/numberExponent.test.ts and
  // tests/tier3/error-messages/valueLayers.test.ts (eu-west-2 and us-east-1, 2026): the exponent is read
  // in full, zero is range-checked by the exponent it is written with.
  @Test
  void readsExponentsPastAnIntInFull() {
    String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    String underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    for (String text : List.of("1e2147483647", "10e2147483647", "1e2147483648", "1e99999999999", "-1e99999999999", "1.5e2147483647",
        "1e9223372036854775807", "0e126", "100e2147483646")) {
      assertThatThrownBy(() -> Value.n(text)).as(text).hasMessage(overflow);
    }
    for (String text : List.of("1e-2147483648", "1E-2147483648", "1e-2147483647", "0.1e-2147483647", "1e-99999999999", "0e-131",
        "1e-9223372036854775808")) {
      assertThatThrownBy(() -> Value.n(text)).as(text).hasMessage(underflow);
    }
    assertThatThrownBy(() -> Value.n("1e9223372036854775808"))
        .hasMessage("The parameter cannot be converted to a numeric value: 1e9223372036854775808");
    assertThat(Value.n("0e125").text()).isEqualTo("0");
    assertThat(Value.n("-0.0e5").text()).isEqualTo("0");
    assertThat(Value.n("12.5e-3").text()).isEqualTo("0.0125");
    assertThat(Value.n("+.5").text()).isEqualTo("0.5");
    assertThat(Value.n("5.").text()).isEqualTo("5");
    assertThat(Value.n("1" + "0".repeat(125)).text()).isEqualTo("1" + "0".repeat(125));
    assertThat(Value.n("0".repeat(10_000) + "1.25")).isEqualTo(Value.n("1.25"));
    assertThat(Value.n("1" + "0".repeat(10_000) + "e-10000")).isEqualTo(Value.n("1"));
  }

  @Test
  void refusesMalformedNumbersWithTheTextAsSent() {
    for (String text : List.of(" 1", "1 ", "NaN", "Infinity", "-Infinity", "0x10", "1e", "1e+", ".", "+", "-", "1.2.3", "1e1.5", "١")) {
      assertThatThrownBy(() -> Value.n(text)).as(text).hasMessage("The parameter cannot be converted to a numeric value: " + text);
    }
  }

  /** Millions of digits cost one pass over them, never a BigDecimal of that size. */
  @Test
  @org.junit.jupiter.api.Timeout(5)
  void refusesHugeNumbersWithoutWorkingOnEveryDigit() {
    String digits = "7".repeat(5_000_000);
    assertThatThrownBy(() -> Value.n(digits))
        .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
    assertThatThrownBy(() -> Value.n("0." + digits))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    assertThatThrownBy(() -> Value.n(digits + "e-5000000"))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    assertThatThrownBy(() -> Value.n("1e" + digits))
        .hasMessage("The parameter cannot be converted to a numeric value: 1e" + digits);
  }

  @Test
  void sizesFollowTheDocumentedRules() {
    assertThat(Sizes.item(Map.of("name", Value.s("héllo")))).isEqualTo(4 + 6);
    assertThat(Sizes.item(Map.of("flag", Value.Bool.TRUE, "none", Value.Null.INSTANCE))).isEqualTo(4 + 1 + 4 + 1);
    assertThat(Sizes.value(new Value.L(List.of(Value.s("ab"), Value.s("c"))))).isEqualTo(3 + (1 + 2) + (1 + 1));
    assertThat(Sizes.value(new Value.M(Map.of("k", Value.s("v"))))).isEqualTo(3 + 1 + (1 + 1));
    assertThat(Sizes.value(Value.n("0"))).isEqualTo(1);
    assertThat(Sizes.value(Value.n("123"))).isEqualTo(1 + 2);
    assertThat(Sizes.value(Value.n("-123"))).isEqualTo(1 + 2 + 1);
  }
}
