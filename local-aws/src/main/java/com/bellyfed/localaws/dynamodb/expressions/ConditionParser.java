package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.expressions.Syntax.And;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Between;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Call;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Comparison;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.FunctionCondition;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Group;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.In;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Node;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Not;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Operand;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.OperandGroup;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Or;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.PathRef;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.ValueRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The grammar of condition, filter and key condition expressions
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Syntax),
 * by recursive descent with ordered alternatives: OR binds loosest, then AND, then NOT.
 */
final class ConditionParser {

  private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

  private final TokenCursor cursor;

  private ConditionParser(String text) {
    this.cursor = new TokenCursor(text);
  }

  static Node parse(String parameter, String text) {
    ConditionParser parser = new ConditionParser(text);
    parser.cursor.checkNesting(parameter);
    Node node = parser.or();
    if (node == null || !parser.cursor.atEnd()) {
      throw parser.cursor.syntaxError(parameter);
    }
    return node;
  }

  private @Nullable Node or() {
    Node left = and();
    while (left != null) {
      int mark = cursor.mark();
      if (!cursor.acceptKeyword("OR")) {
        break;
      }
      Node right = and();
      if (right == null) {
        cursor.reset(mark);
        break;
      }
      left = new Or(left, right);
    }
    return left;
  }

  private @Nullable Node and() {
    Node left = not();
    while (left != null) {
      int mark = cursor.mark();
      if (!cursor.acceptKeyword("AND")) {
        break;
      }
      Node right = not();
      if (right == null) {
        cursor.reset(mark);
        break;
      }
      left = new And(left, right);
    }
    return left;
  }

  private @Nullable Node not() {
    int mark = cursor.mark();
    if (cursor.acceptKeyword("NOT")) {
      Node inner = not();
      if (inner != null) {
        return new Not(inner);
      }
      cursor.reset(mark);
      return null;
    }
    return primary();
  }

  private @Nullable Node primary() {
    int mark = cursor.mark();
    // As AWS reads it, "(a) = b" is a comparison of a parenthesised operand, tried before a parenthesised condition.
    Node comparison = comparisonOrFunction();
    if (comparison != null) {
      return comparison;
    }
    cursor.reset(mark);
    if (cursor.accept("(")) {
      Node inner = or();
      if (inner != null && cursor.accept(")")) {
        return new Group(inner);
      }
    }
    cursor.reset(mark);
    return null;
  }

  private @Nullable Node comparisonOrFunction() {
    Operand left = operand();
    if (left == null) {
      return null;
    }
    Token token = cursor.peek();
    if (token.kind() == Token.Kind.PUNCTUATION && COMPARATORS.contains(token.text())) {
      cursor.next();
      Operand right = operand();
      return right == null ? null : new Comparison(token, left, right);
    }
    if (cursor.acceptKeyword("BETWEEN")) {
      Operand low = operand();
      if (low == null || !cursor.acceptKeyword("AND")) {
        return null;
      }
      Operand high = operand();
      return high == null ? null : new Between(left, low, high);
    }
    if (cursor.acceptKeyword("IN")) {
      if (!cursor.accept("(")) {
        return null;
      }
      List<Operand> options = operandList();
      return options == null || !cursor.accept(")") ? null : new In(left, options);
    }
    if (left instanceof Call call) {
      return new FunctionCondition(call);
    }
    cursor.miss();
    return null;
  }

  private @Nullable List<Operand> operandList() {
    List<Operand> operands = new ArrayList<>();
    Operand first = operand();
    if (first == null) {
      return null;
    }
    operands.add(first);
    while (true) {
      int mark = cursor.mark();
      if (!cursor.accept(",")) {
        return operands;
      }
      Operand next = operand();
      if (next == null) {
        cursor.reset(mark);
        return operands;
      }
      operands.add(next);
    }
  }

  private @Nullable Operand operand() {
    Token token = cursor.peek();
    if (token.isPunctuation("(")) {
      int mark = cursor.mark();
      cursor.next();
      Operand inner = operand();
      if (inner != null && cursor.accept(")")) {
        // A parenthesised path may go on: "(a.b).c" is the path a.b.c.
        if (Syntax.unwrap(inner) instanceof PathRef path && (cursor.peek().isPunctuation(".") || cursor.peek().isPunctuation("["))) {
          return Paths.continueGroup(cursor, path, inner instanceof OperandGroup || path.redundant());
        }
        return new OperandGroup(inner);
      }
      cursor.reset(mark);
      return null;
    }
    if (token.kind() == Token.Kind.VALUE) {
      cursor.next();
      return new ValueRef(token);
    }
    if (token.kind() == Token.Kind.IDENTIFIER && !Paths.isKeyword(token) && cursor.peekAfter().isPunctuation("(")) {
      return call();
    }
    return Paths.parse(cursor);
  }

  private @Nullable Call call() {
    int mark = cursor.mark();
    Token name = cursor.next();
    cursor.next();
    List<Operand> arguments = operandList();
    if (arguments == null || !cursor.accept(")")) {
      cursor.reset(mark);
      return null;
    }
    return new Call(name, arguments);
  }
}
