package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A checked condition with its placeholders resolved: what predicates and key conditions are built from. */
final class Resolved {

  private Resolved() {}

  sealed interface Operand permits PathOperand, ValueOperand, CallOperand {}

  record PathOperand(DocumentPath path) implements Operand {}

  record ValueOperand(Value value) implements Operand {}

  record CallOperand(String function, List<Operand> arguments) implements Operand {}

  sealed interface Node permits Logical, Not, Leaf {}

  record Logical(boolean and, Node left, Node right) implements Node {}

  record Not(Node inner) implements Node {}

  /**
   * One comparison, BETWEEN, IN or function: {@code operator} is the comparator ("=", "<>", ...),
   * "BETWEEN", "IN", or the function's name; {@code operands} in written order.
   */
  record Leaf(Kind kind, String operator, List<Operand> operands) implements Node {}

  enum Kind {
    COMPARISON,
    BETWEEN,
    IN,
    FUNCTION
  }

  /** The type an operand has before any item is read: a value's, size()'s number, or null for a path. */
  static @Nullable String staticType(Operand operand) {
    if (operand instanceof ValueOperand value) {
      return value.value().type().name();
    }
    if (operand instanceof CallOperand call) {
      return call.function().equals("size") ? "N" : "BOOL";
    }
    return null;
  }
}
