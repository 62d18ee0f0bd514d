package com.bellyfed.kit.web;

import com.bellyfed.kit.paging.InvalidCursorException;
import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's parameters as text and collects every problem before failing, so that one 400
 * names all of them. Parsing is ours rather than Spring's conversion so that each reason says what
 * is allowed.
 */
public final class Parameters {

  /** Ids are UUIDs or Cognito subs; this keeps keys far below DynamoDB's limits and out of logs' way. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Far above any cursor the services issue; a longer one is not theirs. */
  private static final int MAX_CURSOR_LENGTH = 2_048;

  private final List<FieldError> errors = new ArrayList<>();

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

  /** A required text of at most {@code maxLength} characters. */
  public @Nullable String required(String name, @Nullable String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return reject(name, "is required");
    }
    return text(name, value, maxLength);
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

  /** A page size Spring already parsed as a number: 1 to {@code max}, {@code fallback} when absent. */
  public int limit(String name, @Nullable Integer value, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    if (value < 1 || value > max) {
      reject(name, "must be between 1 and " + max);
      return fallback;
    }
    return value;
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

  public @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      return reject(name, "must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
    }
  }

  /** Checks that {@code from} is before {@code to} and the range is no longer than {@code max}. */
  public void range(String fromName, @Nullable Instant from, String toName, @Nullable Instant to, Duration max) {
    if (from != null && to != null) {
      if (!from.isBefore(to)) {
        reject(fromName, "must be before " + toName);
      } else if (Duration.between(from, to).compareTo(max) > 0) {
        reject(toName, "the range must not exceed " + max.toDays() + " days");
      }
    }
  }

  /**
   * The position a {@code cursor} parameter resumes at, decoded by {@code decode} (one of
   * {@link com.bellyfed.kit.paging.Cursors}' methods); null when none was given or it was refused.
   */
  public <T> @Nullable T cursor(String name, @Nullable String value, Function<String, T> decode) {
    String checked = text(name, value, MAX_CURSOR_LENGTH);
    if (checked == null) {
      return null;
    }
    try {
      return decode.apply(checked);
    } catch (InvalidCursorException refused) {
      return reject(name, refused.reason());
    }
  }

  /** Records a problem with a parameter the caller checked itself. */
  public <T> @Nullable T reject(String name, String reason) {
    errors.add(new FieldError(name, reason));
    return null;
  }

  /** @throws InvalidRequestException naming every parameter rejected so far */
  public void validate() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(List.copyOf(errors));
    }
  }
}
