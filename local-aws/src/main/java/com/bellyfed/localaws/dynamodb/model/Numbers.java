package com.bellyfed.localaws.dynamodb.model;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Pattern;

/**
 * DynamoDB's numbers: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126, zero
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number).
 */
public final class Numbers {

  /** Arithmetic in update expressions keeps 38 digits, as the stored numbers do. */
  public static final MathContext CONTEXT = new MathContext(38);

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final int MAX_DIGITS = 38;
  private static final int MAX_EXPONENT = 125;
  private static final int MIN_EXPONENT = -130;

  private Numbers() {}

  /** Parses and checks a number as DynamoDB accepts it, normalised. */
  public static BigDecimal parse(String text) {
    if (text.isEmpty()) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value");
    }
    if (!NUMBER.matcher(text).matches()) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    return check(number);
  }

  /** Checks range and precision of a number computed or parsed, and normalises it. */
  public static BigDecimal check(BigDecimal number) {
    BigDecimal normal = normalise(number);
    if (normal.signum() == 0) {
      return normal;
    }
    int exponent = normal.precision() - normal.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw DynamoDbException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < MIN_EXPONENT) {
      throw DynamoDbException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (normal.precision() > MAX_DIGITS) {
      throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    return normal;
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
