package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.expressions.Syntax.PathRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The grammar of projection expressions
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html):
 * document paths separated by commas, nothing else.
 */
final class ProjectionParser {

  private ProjectionParser() {}

  static List<PathRef> parse(String parameter, String text) {
    TokenCursor cursor = new TokenCursor(text);
    List<PathRef> paths = new ArrayList<>();
    while (true) {
      PathRef path = Paths.parse(cursor);
      if (path == null) {
        throw cursor.syntaxError(parameter);
      }
      paths.add(path);
      if (!cursor.accept(",")) {
        break;
      }
    }
    if (!cursor.atEnd()) {
      throw cursor.syntaxError(parameter);
    }
    return paths;
  }
}
