package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.expressions.Syntax.Action;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.AddAction;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Arithmetic;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Call;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.DeleteAction;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Operand;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.OperandGroup;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.PathRef;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.RemoveAction;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Section;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.SetAction;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.SetValue;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Single;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.ValueGroup;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.ValueRef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The grammar of update expressions
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html):
 * SET, REMOVE, ADD and DELETE clauses; a SET value is one operand or two joined by one + or -, each
 * operand optionally in parentheses, the whole value too.
 */
final class UpdateParser {


  private static final List<String> CLAUSES = List.of("SET", "REMOVE", "ADD", "DELETE");

  private final TokenCursor cursor;

  private UpdateParser(String text) {
    this.cursor = new TokenCursor(text);
  }

  static List<Section> parse(String parameter, String text) {
    UpdateParser parser = new UpdateParser(text);
    parser.cursor.checkNesting(parameter);
    List<Section> sections = new ArrayList<>();
    do {
      Section section = parser.section();
      if (section == null) {
        throw parser.cursor.syntaxError(parameter);
      }
      sections.add(section);
    } while (!parser.cursor.atEnd());
    return sections;
  }

  private @Nullable Section section() {
    Token keyword = cursor.peek();
    String clause = null;
    for (String candidate : CLAUSES) {
      if (keyword.isKeyword(candidate)) {
        clause = candidate;
      }
    }
    if (clause == null) {
      cursor.miss();
      return null;
    }
    cursor.next();
    List<Action> actions = new ArrayList<>();
    while (true) {
      Action action = action(clause);
      if (action == null) {
        return null;
      }
      actions.add(action);
      if (!cursor.accept(",")) {
        return new Section(keyword, List.copyOf(actions));
      }
    }
  }

  private @Nullable Action action(String clause) {
    PathRef target = Paths.parse(cursor);
    if (target == null) {
      return null;
    }
    switch (clause) {
      case "SET" -> {
        if (!cursor.accept("=")) {
          return null;
        }
        SetValue value = setValue();
        return value == null ? null : new SetAction(target, value);
      }
      case "REMOVE" -> {
        return new RemoveAction(target);
      }
      default -> {
        Token value = cursor.peek();
        if (value.kind() != Token.Kind.VALUE) {
          cursor.miss();
          return null;
        }
        cursor.next();
        ValueRef ref = new ValueRef(value);
        return clause.equals("ADD") ? new AddAction(target, ref) : new DeleteAction(target, ref);
      }
    }
  }

  private @Nullable SetValue setValue() {
    int mark = cursor.mark();
    SetValue value = arithmetic();
    if (value != null) {
      return value;
    }
    cursor.reset(mark);
    if (cursor.accept("(")) {
      SetValue inner = arithmetic();
      if (inner != null && cursor.accept(")")) {
        return new ValueGroup(inner);
      }
    }
    cursor.reset(mark);
    return null;
  }

  private @Nullable SetValue arithmetic() {
    Operand left = parenthesisedOperand();
    if (left == null) {
      return null;
    }
    int mark = cursor.mark();
    Token operator = cursor.peek();
    if (cursor.accept("+") || cursor.accept("-")) {
      Operand right = parenthesisedOperand();
      if (right != null) {
        return new Arithmetic(operator, left, right);
      }
      cursor.reset(mark);
    }
    return new Single(left);
  }

  private @Nullable Operand parenthesisedOperand() {
    int mark = cursor.mark();
    if (cursor.peek().isPunctuation("(")) {
      cursor.next();
      Operand inner = operand();
      if (inner != null && cursor.accept(")")) {
        return new OperandGroup(inner);
      }
      cursor.reset(mark);
      return null;
    }
    return operand();
  }

  private @Nullable Operand operand() {
    Token token = cursor.peek();
    if (token.kind() == Token.Kind.VALUE) {
      cursor.next();
      return new ValueRef(token);
    }
    if (token.kind() == Token.Kind.IDENTIFIER && !Paths.isKeyword(token) && cursor.peekAfter().isPunctuation("(")) {
      int mark = cursor.mark();
      cursor.next();
      cursor.next();
      List<Operand> arguments = new ArrayList<>();
      while (true) {
        Operand argument = parenthesisedOperand();
        if (argument == null) {
          cursor.reset(mark);
          return null;
        }
        arguments.add(argument);
        if (!cursor.accept(",")) {
          break;
        }
      }
      if (!cursor.accept(")")) {
        cursor.reset(mark);
        return null;
      }
      return new Call(token, List.copyOf(arguments));
    }
    return Paths.parse(cursor);
  }
}
