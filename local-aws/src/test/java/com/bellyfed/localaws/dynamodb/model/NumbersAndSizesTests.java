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
