package com.bellyfed.localaws.dynamodb.model;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * DynamoDB's numbers: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126, zero
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number).
 */
public final class Numbers {

  /** Arithmetic in update expressions keeps 38 digits, as the stored numbers do. */
  public static final MathContext CONTEXT = new MathContext(38);

  static final int MAX_DIGITS = 38;
  static final int MAX_EXPONENT = 125;
  static final int MIN_EXPONENT = -130;

  private Numbers() {}

  /**
   * Parses and checks a number as DynamoDB accepts it, normalised. The text is read in one pass and
   * its range checked before any BigDecimal is made: a number may arrive with millions of digits or
   * an exponent far past an int, and neither may cost more than reading it. DynamoDB reads the
   * exponent in full, so one past a 32-bit integer is still an overflow or underflow, one past a
   * 64-bit integer cannot be converted, and zero is range-checked by the exponent it is written with
   * (paritysuite/dynamodb-conformance tests/tier3/limits/numberExponent.test.ts, eu-west-2, 2026).
   */
  public static BigDecimal parse(String text) {
    if (text.isEmpty()) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value");
    }
    ScannedNumber number = ScannedNumber.of(text);
    if (number == null) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return number.value();
  }

  /** Checks range and precision of a number computed or parsed, and normalises it. */
  public static BigDecimal check(BigDecimal number) {
    BigDecimal normal = normalise(number);
    if (normal.signum() == 0) {
      return normal;
    }
    int exponent = normal.precision() - normal.scale() - 1;
    checkRange(exponent, normal.precision());
    return normal;
  }

  /** DynamoDB's checks of a number's magnitude (the exponent of its first digit), then of its precision. */
  static void checkRange(long exponent, long digits) {
    if (exponent > MAX_EXPONENT) {
      throw DynamoDbException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < MIN_EXPONENT) {
      throw DynamoDbException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (digits > MAX_DIGITS) {
      throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
    }
  }

  /** Strips trailing zeros, so that 1.50 and 1.5 (and 0.00 and 0) are the same value. */
  public static BigDecimal normalise(BigDecimal number) {
    return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
  }

  /** The exponent of the most significant digit, as in 1.23E+5 → 5; 0 for zero. */
  public static int exponent(BigDecimal normal) {
    return normal.signum() == 0 ? 0 : normal.precision() - normal.scale() - 1;
  }
}
