package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Type;
import java.util.EnumSet;
import java.util.Set;

/**
 * The ComparisonOperators of the legacy conditions, with the number of values each takes and the
 * types of value it accepts
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Condition.html).
 */
enum LegacyOperator {
  EQ(1, 1, EnumSet.of(Type.S, Type.N, Type.B, Type.SS, Type.NS, Type.BS)),
  NE(1, 1, EnumSet.of(Type.S, Type.N, Type.B, Type.SS, Type.NS, Type.BS)),
  LE(1, 1, EnumSet.of(Type.S, Type.N, Type.B)),
  LT(1, 1, EnumSet.of(Type.S, Type.N, Type.B)),
  GE(1, 1, EnumSet.of(Type.S, Type.N, Type.B)),
  GT(1, 1, EnumSet.of(Type.S, Type.N, Type.B)),
  NOT_NULL(0, 0, EnumSet.noneOf(Type.class)),
  NULL(0, 0, EnumSet.noneOf(Type.class)),
  CONTAINS(1, 1, EnumSet.of(Type.S, Type.N, Type.B)),
  NOT_CONTAINS(1, 1, EnumSet.of(Type.S, Type.N, Type.B)),
  BEGINS_WITH(1, 1, EnumSet.of(Type.S, Type.B)),
  IN(1, Integer.MAX_VALUE, EnumSet.of(Type.S, Type.N, Type.B)),
  BETWEEN(2, 2, EnumSet.of(Type.S, Type.N, Type.B));

  private final int minimum;
  private final int maximum;
  private final Set<Type> types;

  LegacyOperator(int minimum, int maximum, Set<Type> types) {
    this.minimum = minimum;
    this.maximum = maximum;
    this.types = types;
  }

  boolean takes(int values) {
    return values >= minimum && values <= maximum;
  }

  boolean accepts(Type type) {
    return types.contains(type);
  }
}
