package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Builds the evaluable tree of a checked condition
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html).
 * A comparison with a missing operand is false, except {@code <>}, which is true unless both are missing.
 */
final class Predicates {

  private Predicates() {}

  static ItemPredicate build(Resolved.Node node) {
    if (node instanceof Resolved.Logical logical) {
      ItemPredicate left = build(logical.left());
      ItemPredicate right = build(logical.right());
      return logical.and() ? item -> left.test(item) && right.test(item) : item -> left.test(item) || right.test(item);
    }
    if (node instanceof Resolved.Not not) {
      ItemPredicate inner = build(not.inner());
      return item -> !inner.test(item);
    }
    Resolved.Leaf leaf = (Resolved.Leaf) node;
    List<Resolved.Operand> operands = leaf.operands();
    return switch (leaf.kind()) {
      case COMPARISON -> comparison(leaf.operator(), operand(operands.get(0)), operand(operands.get(1)));
      case BETWEEN -> between(operand(operands.get(0)), operand(operands.get(1)), operand(operands.get(2)));
      case IN -> in(operand(operands.get(0)), operands.subList(1, operands.size()).stream().map(Predicates::operand).toList());
      case FUNCTION -> function(leaf.operator(), operands);
    };
  }

  /** Reads one operand from an item; null where the item has nothing there. */
  interface Operand {
    @Nullable Value value(Map<String, Value> item);
  }

  static Operand operand(Resolved.Operand operand) {
    if (operand instanceof Resolved.PathOperand path) {
      DocumentPath documentPath = path.path();
      return documentPath::resolve;
    }
    if (operand instanceof Resolved.ValueOperand constant) {
      Value value = constant.value();
      return item -> value;
    }
    Operand argument = operand(((Resolved.CallOperand) operand).arguments().get(0));
    return item -> Values.size(argument.value(item));
  }

  private static ItemPredicate comparison(String operator, Operand left, Operand right) {
    return switch (operator) {
      case "=" -> item -> {
        Value a = left.value(item);
        return a != null && a.equals(right.value(item));
      };
      case "<>" -> item -> !Objects.equals(left.value(item), right.value(item));
      case "<" -> item -> order(left.value(item), right.value(item), c -> c < 0);
      case "<=" -> item -> order(left.value(item), right.value(item), c -> c <= 0);
      case ">" -> item -> order(left.value(item), right.value(item), c -> c > 0);
      case ">=" -> item -> order(left.value(item), right.value(item), c -> c >= 0);
      default -> throw new IllegalArgumentException("Unknown comparator " + operator);
    };
  }

  /** False where the two cannot be ordered: either missing, different types, or a type without order. */
  private static boolean order(@Nullable Value a, @Nullable Value b, IntPredicate accepts) {
    return a != null && b != null && Values.orderable(a, b) && accepts.test(Values.compare(a, b));
  }

  private static ItemPredicate between(Operand subject, Operand low, Operand high) {
    return item -> {
      Value value = subject.value(item);
      Value lower = low.value(item);
      Value upper = high.value(item);
      return value != null && lower != null && upper != null
          && Values.orderable(value, lower) && Values.orderable(value, upper)
          && Values.compare(value, lower) >= 0 && Values.compare(value, upper) <= 0;
    };
  }

  private static ItemPredicate in(Operand subject, List<Operand> options) {
    return item -> {
      Value value = subject.value(item);
      if (value == null) {
        return false;
      }
      for (Operand option : options) {
        if (value.equals(option.value(item))) {
          return true;
        }
      }
      return false;
    };
  }

  private static ItemPredicate function(String name, List<Resolved.Operand> operands) {
    Operand first = operand(operands.get(0));
    switch (name) {
      case "attribute_exists":
        return item -> first.value(item) != null;
      case "attribute_not_exists":
        return item -> first.value(item) == null;
      case "attribute_type": {
        String type = ((Value.S) ((Resolved.ValueOperand) operands.get(1)).value()).value();
        return item -> {
          Value value = first.value(item);
          return value != null && value.type().name().equals(type);
        };
      }
      case "begins_with": {
        Operand second = operand(operands.get(1));
        return item -> Values.beginsWith(first.value(item), second.value(item));
      }
      case "contains": {
        Operand second = operand(operands.get(1));
        return item -> Values.contains(first.value(item), second.value(item));
      }
      default:
        throw new IllegalArgumentException("Not a condition function: " + name);
    }
  }
}
