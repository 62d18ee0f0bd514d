package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import org.jspecify.annotations.Nullable;

/**
 * A Query's key condition, checked against the key schema of the table or index it reads:
 * the partition key's value, and at most one condition on the sort key.
 */
public record KeyCondition(Value partitionValue, @Nullable SortCondition sort) {

  /** One condition on the sort key; {@code second} only for BETWEEN. */
  public record SortCondition(Operator operator, Value first, @Nullable Value second) {}

  public enum Operator {
    EQ,
    LT,
    LE,
    GT,
    GE,
    BETWEEN,
    BEGINS_WITH
  }
}
