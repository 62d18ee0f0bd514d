package com.bellyfed.query.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's parameters as text and collects every problem before failing, so one answer
 * names all of them. Parsing is ours rather than Spring's conversion so that each message says
 * what is allowed.
 */
public final class Parameters {

  /** Ids are UUIDs or Cognito subs; this keeps keys far below DynamoDB's limits and out of logs' way. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final List<InvalidParametersException.Violation> violations = new ArrayList<>();

  public @Nullable String text(String name, @Nullable String value, int maxLength) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      return reject(name, "must not be blank");
    }
    if (value.length() > maxLength) {
      return reject(name, "must have at most " + maxLength + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return reject(name, "must not contain control characters");
    }
    return value;
  }

  public String id(String name, String value) {
    if (!ID.matcher(value).matches()) {
      reject(name, "must be 1 to 128 letters, digits or . _ : -");
    }
    return value;
  }

  public String oneOf(String name, @Nullable String value, List<String> allowed) {
    if (value == null) {
      return allowed.get(0);
    }
    if (!allowed.contains(value)) {
      reject(name, "must be one of " + String.join(", ", allowed));
      return allowed.get(0);
    }
    return value;
  }

  public int integer(String name, @Nullable String value, int min, int max, int fallback) {
    Integer parsed = optionalInteger(name, value, min, max);
    return parsed == null ? fallback : parsed;
  }

  public @Nullable Integer optionalInteger(String name, @Nullable String value, int min, int max) {
    if (value == null) {
      return null;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return reject(name, "must be a whole number from " + min + " to " + max);
  }

  public @Nullable BigDecimal decimal(String name, @Nullable String value, BigDecimal min, BigDecimal max) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() <= 16) {
        BigDecimal parsed = new BigDecimal(value.strip());
        // The scale bound keeps values like 1e-999999999 from expanding into a billion digits.
        if (parsed.scale() <= 2 && parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
          return parsed.setScale(2);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return reject(name, "must be a number from " + min.toPlainString() + " to " + max.toPlainString() + " with at most 2 decimals");
  }

  /** Fails with a 400 naming every parameter rejected so far. */
  public void validate() {
    if (!violations.isEmpty()) {
      throw new InvalidParametersException(List.copyOf(violations));
    }
  }

  private <T> @Nullable T reject(String name, String reason) {
    violations.add(new InvalidParametersException.Violation(name, reason));
    return null;
  }
}
