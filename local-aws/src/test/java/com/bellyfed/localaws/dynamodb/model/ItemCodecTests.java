package com.bellyfed.localaws.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemCodecTests {

  static Map<String, Value> everyType() {
    Map<String, Value> item = new LinkedHashMap<>();
    item.put("s", new Value.S("grüße 😀"));
    item.put("empty", new Value.S(""));
    item.put("n", Value.n("-12345.6789E-20"));
    item.put("big", Value.n("99999999999999999999999999999999999999"));
    item.put("b", new Value.B(Bytes.wrap(new byte[] {0, (byte) 0xFF, 7})));
    item.put("t", Value.Bool.TRUE);
    item.put("f", Value.Bool.FALSE);
    item.put("null", Value.Null.INSTANCE);
    item.put("ss", new Value.SS(Set.of("a", "b")));
    item.put("ns", new Value.NS(Set.of(new BigDecimal("1"), Numbers.parse("2.5"))));
    item.put("bs", new Value.BS(Set.of(Bytes.wrap(new byte[] {1}), Bytes.wrap(new byte[] {2, 3}))));
    item.put("l", new Value.L(List.of(Value.s("x"), Value.n(1), new Value.L(List.of()), new Value.M(Map.of()))));
    item.put("m", new Value.M(Map.of("inner", new Value.M(Map.of("deep", Value.Bool.TRUE)))));
    return item;
  }

  @Test
  void everyTypeRoundTripsExactly() {
    Map<String, Value> item = everyType();
    assertThat(ItemCodec.decode(ItemCodec.encode(item))).isEqualTo(item);
  }

  @Test
  void readsOneAttributeWithoutDecodingTheOthers() {
    byte[] encoded = ItemCodec.encode(everyType());
    assertThat(ItemCodec.attribute(encoded, "m")).isEqualTo(everyType().get("m"));
    assertThat(ItemCodec.attribute(encoded, "missing")).isNull();
  }

  @Test
  void theEncodingCostsLittleMoreThanTheItemsDynamoDbSize() {
    Map<String, Value> item = new LinkedHashMap<>();
    item.put("restaurantId", Value.s("r-0b7c1c8e-5d7b-4d1e-9d55-3c6a1f0e2a11"));
    item.put("name", Value.s("Laksa House"));
    item.put("city", Value.s("singapore"));
    item.put("rating", Value.n("4.5"));
    item.put("reviewCount", Value.n(120));
    assertThat(ItemCodec.encode(item).length).isLessThanOrEqualTo(Sizes.item(item) + 2 * item.size() + 8);
  }
}
