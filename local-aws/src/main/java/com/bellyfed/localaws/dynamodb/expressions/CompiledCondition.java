package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A compiled condition, with the attributes it reads for the engine's key-attribute checks. */
final class CompiledCondition implements Condition {

  private final ItemPredicate predicate;
  private final Set<String> topLevelNames;
  private final Set<String> nestedNames;

  CompiledCondition(ItemPredicate predicate, Set<String> topLevelNames, Set<String> nestedNames) {
    this.predicate = predicate;
    this.topLevelNames = Collections.unmodifiableSet(topLevelNames);
    this.nestedNames = Collections.unmodifiableSet(nestedNames);
  }

  static CompiledCondition of(Resolved.Node node) {
    Set<String> topLevel = new LinkedHashSet<>();
    Set<String> nested = new LinkedHashSet<>();
    collect(node, topLevel, nested);
    return new CompiledCondition(Predicates.build(node), topLevel, nested);
  }

  private static void collect(Resolved.Node node, Set<String> topLevel, Set<String> nested) {
    if (node instanceof Resolved.Logical logical) {
      collect(logical.left(), topLevel, nested);
      collect(logical.right(), topLevel, nested);
    } else if (node instanceof Resolved.Not not) {
      collect(not.inner(), topLevel, nested);
    } else {
      for (Resolved.Operand operand : ((Resolved.Leaf) node).operands()) {
        collect(operand, topLevel, nested);
      }
    }
  }

  private static void collect(Resolved.Operand operand, Set<String> topLevel, Set<String> nested) {
    if (operand instanceof Resolved.PathOperand path) {
      topLevel.add(path.path().head());
      if (path.path().size() > 1) {
        nested.add(path.path().head());
      }
    } else if (operand instanceof Resolved.CallOperand call) {
      for (Resolved.Operand argument : call.arguments()) {
        collect(argument, topLevel, nested);
      }
    }
  }

  @Override
  public boolean test(@Nullable Map<String, Value> item) {
    return predicate.test(item == null ? Map.of() : item);
  }

  @Override
  public Set<String> topLevelNames() {
    return topLevelNames;
  }

  @Override
  public Set<String> nestedNames() {
    return nestedNames;
  }
}
