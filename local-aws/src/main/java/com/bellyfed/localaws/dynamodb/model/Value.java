package com.bellyfed.localaws.dynamodb.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, immutable. Numbers are kept normalised (no trailing zeros), so that
 * equal numbers are equal values. Sets keep DynamoDB's own order, in which AWS returns them whatever
 * order they were written in: strings and binaries bytewise, numbers by value
 * (paritysuite/dynamodb-conformance tests/tier1/updateItem/basic.test.ts, eu-west-2, 2026).
 */
public sealed interface Value
    permits Value.S, Value.N, Value.B, Value.Bool, Value.Null, Value.SS, Value.NS, Value.BS, Value.L, Value.M {

  Type type();

  /** A string. */
  record S(String value) implements Value {
    @Override
    public Type type() {
      return Type.S;
    }
  }

  /** A number, normalised by {@link Numbers#normalise}. */
  record N(BigDecimal value) implements Value {
    @Override
    public Type type() {
      return Type.N;
    }

    /** The number as DynamoDB returns it: plain digits, no exponent, no trailing zeros. */
    public String text() {
      return value.toPlainString();
    }

    public static N of(String text) {
      return new N(Numbers.parse(text));
    }

    public static N of(long number) {
      return new N(Numbers.normalise(BigDecimal.valueOf(number)));
    }

    @Override
    public String toString() {
      return "N[" + text() + "]";
    }
  }

  /** A binary value. */
  record B(Bytes value) implements Value {
    @Override
    public Type type() {
      return Type.B;
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public Type type() {
      return Type.BOOL;
    }
  }

  /** NULL: true, the only NULL there is. */
  record Null() implements Value {
    public static final Null INSTANCE = new Null();

    @Override
    public Type type() {
      return Type.NULL;
    }
  }

  /** A string set; never empty once validated. */
  record SS(Set<String> values) implements Value {
    public SS {
      values = ordered(values, SetOrder.STRINGS);
    }

    @Override
    public Type type() {
      return Type.SS;
    }
  }

  /** A number set of normalised numbers. */
  record NS(Set<BigDecimal> values) implements Value {
    public NS {
      values = ordered(values, SetOrder.NUMBERS);
    }

    @Override
    public Type type() {
      return Type.NS;
    }
  }

  /** A binary set. */
  record BS(Set<Bytes> values) implements Value {
    public BS {
      values = ordered(values, SetOrder.BINARIES);
    }

    @Override
    public Type type() {
      return Type.BS;
    }
  }

  /** A list. */
  record L(List<Value> values) implements Value {
    public L {
      values = List.copyOf(values);
    }

    @Override
    public Type type() {
      return Type.L;
    }
  }

  /** A map; its keys in the order given. */
  record M(Map<String, Value> values) implements Value {
    public M {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Type type() {
      return Type.M;
    }
  }

  /** How many levels a value nests: 1 for a scalar or an empty document, one more per map or list around it. */
  static int levels(Value value) {
    int deepest = 0;
    if (value instanceof M map) {
      for (Value member : map.values().values()) {
        deepest = Math.max(deepest, levels(member));
      }
    } else if (value instanceof L list) {
      for (Value member : list.values()) {
        deepest = Math.max(deepest, levels(member));
      }
    }
    return 1 + deepest;
  }

  static S s(String value) {
    return new S(value);
  }

  static N n(String text) {
    return N.of(text);
  }

  static N n(long number) {
    return N.of(number);
  }

  /** The members in {@code order}; sorting only what does not arrive sorted, as stored sets do. */
  private static <T> Set<T> ordered(Set<T> members, java.util.Comparator<? super T> order) {
    java.util.List<T> list = new java.util.ArrayList<>(members);
    boolean sorted = true;
    for (int i = 1; i < list.size() && sorted; i++) {
      sorted = order.compare(list.get(i - 1), list.get(i)) < 0;
    }
    if (!sorted) {
      list.sort(order);
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(list));
  }
}
