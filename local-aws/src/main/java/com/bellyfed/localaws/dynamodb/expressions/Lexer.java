package com.bellyfed.localaws.dynamodb.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens, always ending with an EOF token at the end of the text. */
final class Lexer {

  private static final String SINGLE_PUNCTUATION = "()[],.=+-";

  private Lexer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int start = i;
      Token.Kind kind;
      if (isLetter(c)) {
        i = skipNameParts(text, i + 1);
        kind = Token.Kind.IDENTIFIER;
      } else if (isDigit(c)) {
        do {
          i++;
        } while (i < length && isDigit(text.charAt(i)));
        kind = Token.Kind.NUMBER;
      } else if ((c == '#' || c == ':') && i + 1 < length && isNamePart(text.charAt(i + 1))) {
        i = skipNameParts(text, i + 1);
        kind = c == '#' ? Token.Kind.NAME : Token.Kind.VALUE;
      } else if (c == '<' && i + 1 < length && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '=')) {
        i += 2;
        kind = Token.Kind.PUNCTUATION;
      } else if (c == '>' && i + 1 < length && text.charAt(i + 1) == '=') {
        i += 2;
        kind = Token.Kind.PUNCTUATION;
      } else if (c == '<' || c == '>' || SINGLE_PUNCTUATION.indexOf(c) >= 0) {
        i++;
        kind = Token.Kind.PUNCTUATION;
      } else {
        i += Character.charCount(text.codePointAt(i));
        kind = Token.Kind.UNKNOWN;
      }
      tokens.add(new Token(kind, text.substring(start, i), start, i));
    }
    tokens.add(new Token(Token.Kind.EOF, "<EOF>", length, length));
    return tokens;
  }

  // An identifier starts with an ASCII letter: AWS answers "_x" with a syntax error on the "_".
  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNamePart(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }

  private static int skipNameParts(String text, int from) {
    int i = from;
    while (i < text.length() && isNamePart(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
