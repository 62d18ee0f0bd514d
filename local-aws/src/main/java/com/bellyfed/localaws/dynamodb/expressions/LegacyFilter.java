package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expected, QueryFilter or ScanFilter: all conditions must hold, or any one with ConditionalOperator
 * OR (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.ConditionalOperator.html).
 */
final class LegacyFilter implements Condition {

  private final List<LegacyCondition> conditions;
  private final boolean any;
  private final Set<String> names;

  LegacyFilter(List<LegacyCondition> conditions, boolean any) {
    this.conditions = List.copyOf(conditions);
    this.any = any;
    Set<String> attributes = new LinkedHashSet<>();
    for (LegacyCondition condition : conditions) {
      attributes.add(condition.attribute());
    }
    this.names = Collections.unmodifiableSet(attributes);
  }

  @Override
  public boolean test(@Nullable Map<String, Value> item) {
    if (conditions.isEmpty()) {
      return true;
    }
    Map<String, Value> attributes = item == null ? Map.of() : item;
    for (LegacyCondition condition : conditions) {
      if (condition.test(attributes) == any) {
        return any;
      }
    }
    return !any;
  }

  @Override
  public Set<String> topLevelNames() {
    return names;
  }
}
