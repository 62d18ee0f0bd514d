package com.bellyfed.localaws.dynamodb.expressions;

/**
 * One token of an expression with its place in the text: AWS's syntax errors quote the offending
 * token and the text around it.
 */
record Token(Kind kind, String text, int start, int end) {

  enum Kind {
    /** A bare name: a letter, then letters, digits and underscores. */
    IDENTIFIER,
    /** An expression attribute name, {@code #} and at least one letter, digit or underscore. */
    NAME,
    /** An expression attribute value, {@code :} and at least one letter, digit or underscore. */
    VALUE,
    NUMBER,
    PUNCTUATION,
    /** A character no rule of the grammar accepts; it is a token of its own so that errors can quote it. */
    UNKNOWN,
    EOF
  }

  boolean isPunctuation(String symbol) {
    return kind == Kind.PUNCTUATION && text.equals(symbol);
  }

  /** Keywords are case-insensitive, function names are not. */
  boolean isKeyword(String word) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
  }
}
