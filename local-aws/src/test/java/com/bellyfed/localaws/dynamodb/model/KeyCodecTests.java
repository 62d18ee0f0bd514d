package com.bellyfed.localaws.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stored keys sort as DynamoDB sorts sort keys
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html):
 * numbers by value, strings by their UTF-8 bytes, binaries as unsigned bytes.
 */
class KeyCodecTests {

  @Test
  void numbersSortByValueAcrossSignsScalesAndExponents() {
    List<String> ascending =
        List.of("-1E+125", "-123456", "-51", "-5", "-0.5", "-0.0001", "-1E-130", "0", "1E-130", "0.0001", "0.5", "5", "5.5",
            "51", "100", "123456", "9.9999999999999999999999999999999999999E+125");
    for (int i = 0; i + 1 < ascending.size(); i++) {
      byte[] lower = KeyCodec.encode(Value.n(ascending.get(i)));
      byte[] higher = KeyCodec.encode(Value.n(ascending.get(i + 1)));
      assertThat(KeyCodec.compare(KeyCodec.join(lower), KeyCodec.join(higher)))
          .as("%s < %s", ascending.get(i), ascending.get(i + 1))
          .isNegative();
    }
  }

  @Test
  void randomNumbersSortAsBigDecimalsDo() {
    Random random = new Random(7);
    List<BigDecimal> numbers = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      BigDecimal number = BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20);
      numbers.add(Numbers.normalise(number));
    }
    List<BigDecimal> byValue = new ArrayList<>(numbers);
    byValue.sort(Comparator.naturalOrder());
    List<BigDecimal> byKey = new ArrayList<>(numbers);
    byKey.sort((a, b) -> KeyCodec.compare(KeyCodec.join(KeyCodec.encode(new Value.N(a))), KeyCodec.join(KeyCodec.encode(new Value.N(b)))));
    assertThat(byKey).isEqualTo(byValue);
  }

  @Test
  void numbersDecodeToTheSameValue() {
    for (String text : List.of("0", "1", "-1", "10", "-10", "0.001", "-123.456", "1E+125", "-1E-130", "12345678901234567890123456789012345678")) {
      Value.N number = Value.n(text);
      assertThat(KeyCodec.decode(Type.N, KeyCodec.encode(number))).as(text).isEqualTo(number);
    }
  }

  @Test
  void stringsSortByUtf8BytesNotByUtf16Units() {
    // U+FF21 (3 UTF-8 bytes, EF BC A1) sorts before U+1F600 (4 bytes, F0 ...) by bytes,
    // although its UTF-16 unit FF21 sorts after the surrogate D83D.
    Value fullwidth = new Value.S("\uFF21");
    Value emoji = new Value.S("\uD83D\uDE00");
    assertThat(KeyCodec.compare(KeyCodec.join(KeyCodec.encode(fullwidth)), KeyCodec.join(KeyCodec.encode(emoji)))).isNegative();
    assertThat("\uFF21".compareTo("\uD83D\uDE00")).isPositive();
  }

  @Test
  void binariesSortAsUnsignedBytes() {
    Value low = new Value.B(Bytes.wrap(new byte[] {0x7F}));
    Value high = new Value.B(Bytes.wrap(new byte[] {(byte) 0x80}));
    assertThat(KeyCodec.compare(KeyCodec.join(KeyCodec.encode(low)), KeyCodec.join(KeyCodec.encode(high)))).isNegative();
  }

  @Test
  void aPrefixSortsBeforeLongerKeysAndComponentsCompareOneByOne() {
    byte[] ab = "ab".getBytes(StandardCharsets.UTF_8);
    byte[] a = "a".getBytes(StandardCharsets.UTF_8);
    byte[] z = "z".getBytes(StandardCharsets.UTF_8);
    // ("a", "z") < ("ab", "a"): the first component decides, whatever the second.
    assertThat(KeyCodec.compare(KeyCodec.join(a, z), KeyCodec.join(ab, a))).isNegative();
    assertThat(KeyCodec.compare(KeyCodec.join(a), KeyCodec.join(a, a))).isNegative();
    assertThat(KeyCodec.compare(KeyCodec.join(a, KeyCodec.max()), KeyCodec.join(a, z))).isPositive();
  }

  @Test
  void hashesSpreadNeighbouringKeys() {
    byte[] one = KeyCodec.hash("user-1".getBytes(StandardCharsets.UTF_8));
    byte[] two = KeyCodec.hash("user-2".getBytes(StandardCharsets.UTF_8));
    assertThat(one).hasSize(4).isNotEqualTo(two);
  }

  /** A component longer than its 16-bit length could say is refused, never stored under a cut length. */
  @Test
  void refusesAComponentTooLongForItsLength() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyCodec.join(new byte[4], new byte[0x10000]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KeyCodec.component(KeyCodec.join(new byte[4], new byte[0xFFFF]), 1)).hasSize(0xFFFF);
  }
}
