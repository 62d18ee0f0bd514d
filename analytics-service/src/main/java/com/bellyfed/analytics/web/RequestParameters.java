package com.bellyfed.analytics.web;

import com.bellyfed.analytics.paging.Cursor;
import com.bellyfed.analytics.paging.MergedCursor;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the query parameters every read API shares, collecting every invalid one before failing,
 * so that one 400 names them all.
 */
public final class RequestParameters {

  private final Map<String, String> errors = new LinkedHashMap<>();

  public @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.put(name, "must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
      return null;
    }
  }

  public int limit(@Nullable Integer value, int defaultLimit, int max) {
    if (value == null) {
      return defaultLimit;
    }
    if (value < 1 || value > max) {
      errors.put("limit", "must be between 1 and " + max);
      return defaultLimit;
    }
    return value;
  }

  /** A {@link Cursor} of {@code listing}; null when none was given or it is invalid. */
  public @Nullable Map<String, AttributeValue> cursor(@Nullable String value, String listing, String secret) {
    try {
      return Cursor.decode(value, listing, secret);
    } catch (IllegalArgumentException e) {
      errors.put("cursor", e.getMessage());
      return null;
    }
  }

  /** A {@link MergedCursor} over {@code partitions}; null when none was given or it is invalid. */
  public @Nullable Map<String, Map<String, AttributeValue>> mergedCursor(@Nullable String value, String secret, Set<String> partitions) {
    try {
      return MergedCursor.decode(value, secret, partitions);
    } catch (IllegalArgumentException e) {
      errors.put("cursor", e.getMessage());
      return null;
    }
  }

  public void require(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      errors.put(name, "is required");
    } else if (value.length() > 200) {
      errors.put(name, "must be at most 200 characters");
    }
  }

  /** Checks from before to and a range no longer than {@code max}. */
  public void range(@Nullable Instant from, @Nullable Instant to, Duration max) {
    if (from != null && to != null) {
      if (!from.isBefore(to)) {
        errors.put("from", "must be before to");
      } else if (Duration.between(from, to).compareTo(max) > 0) {
        errors.put("to", "the range must not exceed " + max.toDays() + " days");
      }
    }
  }

  public void reject(String name, String reason) {
    errors.put(name, reason);
  }

  /** @throws InvalidRequestException naming every invalid parameter met so far */
  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
