package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import java.util.Set;

/** A compiled ProjectionExpression or AttributesToGet. */
public interface Projection {

  /** The item with only the projected paths, nested ones as nested maps and lists, as AWS returns them. */
  Map<String, Value> project(Map<String, Value> item);

  /** The top-level attribute names the projection reads. */
  Set<String> topLevelNames();

  /** The top-level names projected through a nested path ({@code a.b}, {@code a[0]}); refused on key attributes. */
  default Set<String> nestedNames() {
    return Set.of();
  }
}
