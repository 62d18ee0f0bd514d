package com.bellyfed.localaws.dynamodb.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * A number's text read once, as DynamoDB's grammar has it ({@code [+-]?(digits[.digits]|.digits)}
 * and an optional {@code e[+-]digits}): where its significant digits are and the exponent of its first
 * one, in longs, so that range and precision are known before the digits become a BigDecimal.
 */
final class ScannedNumber {

  /**
   * Exponents are kept within this bound: past it, any number a 16 MiB request can carry is already
   * out of range either way, and the arithmetic on it stays far from overflowing a long.
   */
  private static final long EXPONENT_BOUND = 1L << 40;

  private final String text;
  private final boolean negative;
  /** Index in the text of the first and last non-zero digit, -1 when every digit is zero. */
  private final int firstDigit;
  private final int lastDigit;
  /** The exponent of the digit at {@code firstDigit} (or, for zero, of the number as written). */
  private final long exponent;

  private ScannedNumber(String text, boolean negative, int firstDigit, int lastDigit, long exponent) {
    this.text = text;
    this.negative = negative;
    this.firstDigit = firstDigit;
    this.lastDigit = lastDigit;
    this.exponent = exponent;
  }

  /** The number written in {@code text}, or null where the text is no number, or its exponent no 64-bit integer. */
  static @Nullable ScannedNumber of(String text) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int integerStart = i;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    int integerEnd = i;
    int fractionStart = i;
    int fractionEnd = i;
    if (i < length && text.charAt(i) == '.') {
      fractionStart = ++i;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
      }
      fractionEnd = i;
    }
    if (integerEnd == integerStart && fractionEnd == fractionStart) {
      return null;
    }
    long written = 0;
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        negativeExponent = text.charAt(i) == '-';
        i++;
      }
      int exponentStart = i;
      // Accumulated negatively, so that Long.MIN_VALUE itself still converts.
      long accumulated = 0;
      for (; i < length && isDigit(text.charAt(i)); i++) {
        if (accumulated < Long.MIN_VALUE / 10) {
          return null;
        }
        long shifted = accumulated * 10;
        int digit = text.charAt(i) - '0';
        if (shifted < Long.MIN_VALUE + digit) {
          return null;
        }
        accumulated = shifted - digit;
      }
      if (i == exponentStart) {
        return null;
      }
      if (!negativeExponent && accumulated == Long.MIN_VALUE) {
        return null;
      }
      written = negativeExponent ? accumulated : -accumulated;
    }
    if (i != length) {
      return null;
    }
    written = Math.max(-EXPONENT_BOUND, Math.min(EXPONENT_BOUND, written));
    int first = firstNonZero(text, integerStart, integerEnd, fractionStart, fractionEnd);
    if (first < 0) {
      // Zero, whose exponent is the one it is written with: 0e5 is 0 x 10^5, 0.00 is 0 x 10^-2.
      return new ScannedNumber(text, negative, -1, -1, written - (fractionEnd - fractionStart));
    }
    int last = lastNonZero(text, integerStart, integerEnd, fractionStart, fractionEnd);
    // The first digit's place: counted from the decimal point, which sits at integerEnd.
    long place = first < integerEnd ? integerEnd - first - 1 : -(first - fractionStart + 1);
    return new ScannedNumber(text, negative, first, last, place + written);
  }

  /** Checks the range and precision, then makes the normalised value of at most 38 digits. */
  BigDecimal value() {
    if (firstDigit < 0) {
      Numbers.checkRange(exponent, 1);
      return BigDecimal.ZERO;
    }
    StringBuilder digits = new StringBuilder();
    long count = 0;
    for (int i = firstDigit; i <= lastDigit; i++) {
      char c = text.charAt(i);
      if (c != '.') {
        count++;
        if (count <= Numbers.MAX_DIGITS + 1) {
          digits.append(c);
        }
      }
    }
    Numbers.checkRange(exponent, count);
    BigInteger unscaled = new BigInteger(digits.toString());
    return new BigDecimal(negative ? unscaled.negate() : unscaled, Math.toIntExact(count - 1 - exponent));
  }

  private static int firstNonZero(String text, int integerStart, int integerEnd, int fractionStart, int fractionEnd) {
    for (int i = integerStart; i < integerEnd; i++) {
      if (text.charAt(i) != '0') {
        return i;
      }
    }
    for (int i = fractionStart; i < fractionEnd; i++) {
      if (text.charAt(i) != '0') {
        return i;
      }
    }
    return -1;
  }

  private static int lastNonZero(String text, int integerStart, int integerEnd, int fractionStart, int fractionEnd) {
    for (int i = fractionEnd - 1; i >= fractionStart; i--) {
      if (text.charAt(i) != '0') {
        return i;
      }
    }
    for (int i = integerEnd - 1; i >= integerStart; i--) {
      if (text.charAt(i) != '0') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
