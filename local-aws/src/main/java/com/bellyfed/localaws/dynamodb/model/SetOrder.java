package com.bellyfed.localaws.dynamodb.model;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The order DynamoDB keeps set members in: strings as their UTF-8 bytes (code point order), binaries
 * as unsigned bytes, numbers by value.
 */
final class SetOrder {

  static final Comparator<String> STRINGS = SetOrder::compareCodePoints;
  static final Comparator<BigDecimal> NUMBERS = BigDecimal::compareTo;
  static final Comparator<Bytes> BINARIES = Bytes::compareTo;

  private SetOrder() {}

  /** UTF-8 byte order is code point order, which UTF-16's String.compareTo is not above U+FFFF. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
