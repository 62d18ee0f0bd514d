package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.expressions.Syntax.PathRef;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Document paths as the grammars write them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html):
 * a name or #placeholder, then {@code .name} and {@code [index]} steps.
 */
final class Paths {

  /**
   * The words AWS's lexer reserves in every kind of expression: a condition starting with "ADD" fails
   * on that token ("Syntax error; token: \"ADD\", near: \"ADD #v\""), so none of them can name an attribute.
   */
  static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE");

  private Paths() {}

  static boolean isKeyword(Token token) {
    return token.kind() == Token.Kind.IDENTIFIER && KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT));
  }

  /** A path at the cursor, or null (the cursor unmoved) when there is none. */
  static @Nullable PathRef parse(TokenCursor cursor) {
    Token first = cursor.peek();
    if (!isName(first)) {
      cursor.miss();
      return null;
    }
    cursor.next();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(first, 0));
    addSteps(cursor, steps);
    return new PathRef(List.copyOf(steps), false);
  }

  /** The rest of a path whose first part was written in parentheses, as in {@code (a.b).c}. */
  static PathRef continueGroup(TokenCursor cursor, PathRef group, boolean redundant) {
    List<Step> steps = new ArrayList<>(group.steps());
    addSteps(cursor, steps);
    return new PathRef(List.copyOf(steps), redundant);
  }

  private static void addSteps(TokenCursor cursor, List<Step> steps) {
    while (true) {
      int mark = cursor.mark();
      if (cursor.peek().isPunctuation(".")) {
        cursor.next();
        Token name = cursor.peek();
        if (!isName(name)) {
          cursor.miss();
          cursor.reset(mark);
          return;
        }
        cursor.next();
        steps.add(new Step(name, 0));
      } else if (cursor.peek().isPunctuation("[")) {
        cursor.next();
        Token number = cursor.peek();
        if (number.kind() != Token.Kind.NUMBER) {
          cursor.miss();
          cursor.reset(mark);
          return;
        }
        cursor.next();
        if (!cursor.accept("]")) {
          cursor.reset(mark);
          return;
        }
        steps.add(new Step(null, index(number.text())));
      } else {
        cursor.miss();
        return;
      }
    }
  }

  private static boolean isName(Token token) {
    return token.kind() == Token.Kind.NAME || (token.kind() == Token.Kind.IDENTIFIER && !isKeyword(token));
  }

  // An index past any list DynamoDB can store only ever misses; clamping keeps it a valid int.
  private static int index(String digits) {
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      value = value * 10 + (digits.charAt(i) - '0');
      if (value > Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
    }
    return (int) value;
  }
}
