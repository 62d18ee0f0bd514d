package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A compiled condition or filter (ConditionExpression, FilterExpression, Expected, QueryFilter, ScanFilter). */
public interface Condition {

  /** Whether the item satisfies the condition; {@code item} is null where there is no item. */
  boolean test(@Nullable Map<String, Value> item);
}
