package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import java.util.List;

/**
 * A position in a token list for backtracking parsers. Every token an alternative could not accept
 * is remembered; when no alternative parses, the syntax error names the furthest of them, which is
 * the first token that no reading of the expression can accept.
 */
final class TokenCursor {

  /**
   * Parentheses nested deeper than this are refused as a syntax error at the first parenthesis
   * beyond it. AWS documents no such limit, but a recursive parser needs one to stay within its
   * stack; no useful expression comes near it (two parentheses with nothing between are an error).
   */
  static final int MAX_NESTING = 128;

  private final String text;
  private final List<Token> tokens;
  private int position;
  private int furthest;

  TokenCursor(String text) {
    this.text = text;
    this.tokens = Lexer.tokenize(text);
  }

  /** Refuses parentheses nested deeper than {@link #MAX_NESTING}, before any parsing. */
  void checkNesting(String parameter) {
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation("(") && ++depth > MAX_NESTING) {
        furthest = i;
        throw syntaxError(parameter);
      }
      if (token.isPunctuation(")")) {
        depth--;
      }
    }
  }

  int mark() {
    return position;
  }

  void reset(int mark) {
    position = mark;
  }

  Token peek() {
    return tokens.get(position);
  }

  Token peekAfter() {
    return tokens.get(Math.min(position + 1, tokens.size() - 1));
  }

  Token next() {
    Token token = tokens.get(position);
    if (token.kind() != Token.Kind.EOF) {
      position++;
    }
    return token;
  }

  boolean atEnd() {
    return peek().kind() == Token.Kind.EOF || miss();
  }

  boolean accept(String punctuation) {
    if (peek().isPunctuation(punctuation)) {
      position++;
      return true;
    }
    return miss();
  }

  boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      position++;
      return true;
    }
    return miss();
  }

  /** Records that the current token was not accepted here; always false, for use in returns. */
  boolean miss() {
    if (position > furthest) {
      furthest = position;
    }
    return false;
  }

  /**
   * AWS's syntax error: the offending token, and the text from the token before it to the token
   * after it (or to the end of the text), as in {@code token: "-", near: "a-b"}.
   */
  DynamoDbException syntaxError(String parameter) {
    int at = Math.max(furthest, position);
    Token offending = tokens.get(at);
    int start = at > 0 ? tokens.get(at - 1).start() : offending.start();
    int end = at + 1 < tokens.size() ? tokens.get(at + 1).end() : offending.end();
    return Invalid.expression(parameter,
        "Syntax error; token: \"" + offending.text() + "\", near: \"" + text.substring(start, end) + "\"");
  }
}
