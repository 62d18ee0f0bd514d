package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Bytes;
import com.bellyfed.localaws.dynamodb.model.Numbers;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled UpdateExpression. Applying it computes every SET value from the item as it was, then
 * checks every target against the item as it was, then writes all of them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html).
 */
final class CompiledUpdate implements Update {

  private final List<UpdateAction> actions;
  private final List<DocumentPath> paths;
  private final UpdateTree tree;
  private final Map<String, Type> topLevelTypes;
  private final Set<String> nestedNames;
  private final Set<String> topLevelNames;

  CompiledUpdate(List<UpdateAction> actions, Map<String, Type> topLevelTypes, Set<String> nestedNames) {
    this.actions = List.copyOf(actions);
    List<DocumentPath> targets = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (UpdateAction action : actions) {
      targets.add(action.path());
      names.add(action.path().head());
    }
    this.paths = List.copyOf(targets);
    this.tree = new UpdateTree(paths);
    this.topLevelTypes = Collections.unmodifiableMap(topLevelTypes);
    this.nestedNames = Collections.unmodifiableSet(nestedNames);
    this.topLevelNames = Collections.unmodifiableSet(names);
  }

  @Override
  public Map<String, Value> apply(Map<String, Value> item) {
    Value[] computed = new Value[actions.size()];
    for (int i = 0; i < actions.size(); i++) {
      UpdateValue value = actions.get(i).value();
      if (value != null) {
        computed[i] = value.evaluate(item);
      }
    }
    for (UpdateAction action : actions) {
      check(action, item);
    }
    return tree.apply(item, (index, existing) -> {
      UpdateAction action = actions.get(index);
      return switch (action.kind()) {
        case SET -> computed[index];
        case REMOVE -> null;
        case ADD -> existing == null ? action.operand() : add(existing, operand(action));
        case DELETE -> existing == null ? null : delete(existing, operand(action));
      };
    });
  }

  private static Value operand(UpdateAction action) {
    return Objects.requireNonNull(action.operand());
  }

  /**
   * Every step but the last must exist in the item, and the last step's parent must be a map for a
   * name or a list for an index; ADD and DELETE need a value of their operand's type where one exists.
   */
  private static void check(UpdateAction action, Map<String, Value> item) {
    DocumentPath path = action.path();
    Value existing = item.get(path.head());
    if (path.size() > 1) {
      Value parent = existing;
      for (int step = 1; step < path.size() - 1 && parent != null; step++) {
        parent = path.child(parent, step);
      }
      int last = path.size() - 1;
      boolean fits = path.isIndex(last) ? parent instanceof Value.L : parent instanceof Value.M;
      if (!fits) {
        throw DynamoDbException.validation("The document path provided in the update expression is invalid for update");
      }
      existing = path.child(parent, last);
    }
    if (existing == null) {
      return;
    }
    if (action.kind() == UpdateAction.Kind.ADD || action.kind() == UpdateAction.Kind.DELETE) {
      if (existing.type() != operand(action).type()) {
        throw UpdateValue.incorrectType();
      }
    }
  }

  /** ADD: a number to a number, a set's elements to a set of the same type. */
  static Value add(Value existing, Value operand) {
    return switch (operand.type()) {
      case N -> new Value.N(Numbers.check(((Value.N) existing).value().add(((Value.N) operand).value(), Numbers.CONTEXT)));
      case SS -> {
        Set<String> union = new LinkedHashSet<>(((Value.SS) existing).values());
        union.addAll(((Value.SS) operand).values());
        yield new Value.SS(union);
      }
      case NS -> {
        Set<BigDecimal> union = new LinkedHashSet<>(((Value.NS) existing).values());
        union.addAll(((Value.NS) operand).values());
        yield new Value.NS(union);
      }
      case BS -> {
        Set<Bytes> union = new LinkedHashSet<>(((Value.BS) existing).values());
        union.addAll(((Value.BS) operand).values());
        yield new Value.BS(union);
      }
      case L -> {
        List<Value> joined = new ArrayList<>(((Value.L) existing).values());
        joined.addAll(((Value.L) operand).values());
        yield new Value.L(joined);
      }
      default -> throw new IllegalArgumentException("ADD of " + operand.type());
    };
  }

  /** DELETE: a set's elements from a set of the same type; an emptied set is removed (null). */
  static @Nullable Value delete(Value existing, Value operand) {
    return switch (operand.type()) {
      case SS -> {
        Set<String> rest = new LinkedHashSet<>(((Value.SS) existing).values());
        rest.removeAll(((Value.SS) operand).values());
        yield rest.isEmpty() ? null : new Value.SS(rest);
      }
      case NS -> {
        Set<BigDecimal> rest = new LinkedHashSet<>(((Value.NS) existing).values());
        rest.removeAll(((Value.NS) operand).values());
        yield rest.isEmpty() ? null : new Value.NS(rest);
      }
      case BS -> {
        Set<Bytes> rest = new LinkedHashSet<>(((Value.BS) existing).values());
        rest.removeAll(((Value.BS) operand).values());
        yield rest.isEmpty() ? null : new Value.BS(rest);
      }
      default -> throw new IllegalArgumentException("DELETE of " + operand.type());
    };
  }

  @Override
  public Map<String, Value> updatedAttributes(Map<String, Value> item) {
    return Projector.project(item, paths);
  }

  @Override
  public Set<String> topLevelNames() {
    return topLevelNames;
  }

  @Override
  public boolean onlyRemovesOrDeletes() {
    for (UpdateAction action : actions) {
      if (action.kind() == UpdateAction.Kind.SET || action.kind() == UpdateAction.Kind.ADD) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Set<String> nestedNames() {
    return nestedNames;
  }

  @Override
  public Map<String, Type> topLevelTypes() {
    return topLevelTypes;
  }
}
