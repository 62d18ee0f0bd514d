package com.bellyfed.localaws.dynamodb.expressions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parse trees of the expression grammars, as written: placeholders unresolved, parentheses
 * kept, so that the checks that follow can report AWS's errors in AWS's order.
 */
final class Syntax {

  private Syntax() {}

  // ---- operands, shared by conditions and updates

  sealed interface Operand permits PathRef, ValueRef, Call, OperandGroup {}

  /** One step of a document path: a name (identifier or #placeholder), or a list index. */
  record Step(@Nullable Token name, int index) {
    boolean isIndex() {
      return name == null;
    }
  }

  /** A document path; {@code redundant} when a part of it was wrapped in two pairs of parentheses. */
  record PathRef(List<Step> steps, boolean redundant) implements Operand {}

  record ValueRef(Token token) implements Operand {}

  record Call(Token name, List<Operand> arguments) implements Operand {
    String function() {
      return name.text();
    }
  }

  record OperandGroup(Operand inner) implements Operand {}

  static Operand unwrap(Operand operand) {
    Operand current = operand;
    while (current instanceof OperandGroup group) {
      current = group.inner();
    }
    return current;
  }

  // ---- conditions

  sealed interface Node permits Or, And, Not, Group, Comparison, Between, In, FunctionCondition {}

  record Or(Node left, Node right) implements Node {}

  record And(Node left, Node right) implements Node {}

  record Not(Node inner) implements Node {}

  record Group(Node inner) implements Node {}

  record Comparison(Token operator, Operand left, Operand right) implements Node {}

  record Between(Operand subject, Operand low, Operand high) implements Node {}

  record In(Operand subject, List<Operand> options) implements Node {}

  record FunctionCondition(Call call) implements Node {}

  static Node unwrap(Node node) {
    Node current = node;
    while (current instanceof Group group) {
      current = group.inner();
    }
    return current;
  }

  // ---- updates

  sealed interface SetValue permits Single, Arithmetic, ValueGroup {}

  record Single(Operand operand) implements SetValue {}

  record Arithmetic(Token operator, Operand left, Operand right) implements SetValue {}

  record ValueGroup(SetValue inner) implements SetValue {}

  sealed interface Action permits SetAction, RemoveAction, AddAction, DeleteAction {
    PathRef target();
  }

  record SetAction(PathRef target, SetValue value) implements Action {}

  record RemoveAction(PathRef target) implements Action {}

  record AddAction(PathRef target, ValueRef value) implements Action {}

  record DeleteAction(PathRef target, ValueRef value) implements Action {}

  record Section(Token keyword, List<Action> actions) {}
}
