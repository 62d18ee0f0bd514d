package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A compiled condition or filter (ConditionExpression, FilterExpression, Expected, QueryFilter, ScanFilter). */
public interface Condition {

  /** Whether the item satisfies the condition; {@code item} is null where there is no item. */
  boolean test(@Nullable Map<String, Value> item);

  /**
   * The top-level attribute names the condition reads: a Query's filter may not name a key attribute
   * ("Filter Expression can only contain non-primary key attributes: Primary key attribute: a").
   */
  default Set<String> topLevelNames() {
    return Set.of();
  }

  /**
   * The top-level names the condition reads through a nested path ({@code a.b}, {@code a[0]}): on a
   * key attribute AWS refuses them ("Key attributes must be scalars; list random access '[]' and map
   * lookup '.' are not allowed: IndexKey: a").
   */
  default Set<String> nestedNames() {
    return Set.of();
  }
}
