package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * One legacy condition on a top-level attribute (Expected, QueryFilter, ScanFilter, KeyConditions),
 * evaluated as AWS documents it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Conditions.html):
 * a value of another type never matches.
 */
record LegacyCondition(String attribute, LegacyOperator operator, List<Value> values) {

  LegacyCondition {
    values = List.copyOf(values);
  }

  boolean test(Map<String, Value> item) {
    Value value = item.get(attribute);
    return switch (operator) {
      case EQ -> value != null && value.equals(values.get(0));
      case NE -> value == null || !value.equals(values.get(0));
      case LT -> order(value, c -> c < 0);
      case LE -> order(value, c -> c <= 0);
      case GT -> order(value, c -> c > 0);
      case GE -> order(value, c -> c >= 0);
      case NOT_NULL -> value != null;
      case NULL -> value == null;
      case CONTAINS -> Values.contains(value, values.get(0));
      case NOT_CONTAINS -> !Values.contains(value, values.get(0));
      case BEGINS_WITH -> Values.beginsWith(value, values.get(0));
      case IN -> value != null && values.contains(value);
      case BETWEEN -> order(value, c -> c >= 0) && value != null && Values.compare(value, values.get(1)) <= 0;
    };
  }

  private boolean order(@Nullable Value value, IntPredicate accepts) {
    Value other = values.get(0);
    return value != null && Values.orderable(value, other) && accepts.test(Values.compare(value, other));
  }
}
