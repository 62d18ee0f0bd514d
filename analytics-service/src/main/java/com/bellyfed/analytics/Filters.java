package com.bellyfed.analytics;

import com.bellyfed.kit.web.Parameters;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the APIs accept as names, ids and instants, checked before anything reaches DynamoDB or SQS. Every
 * name the service filters or looks up by (a service, an event type, a source, a correlation id, a job or
 * message id) is an identifier of the alphabet service-kit's ids and common-events' correlation ids use, so a
 * string with quotes, spaces, {@code #}, {@code *}, {@code $} or control characters is a 400 naming its
 * parameter rather than a key nobody has (or, with {@code #} and {@code *}, one that aliases another series).
 * Instants keep to four-digit years, where the fixed-width keys ({@code SortableInstant}) keep time order and
 * the defaults computed around them cannot leave the range of {@link Instant}.
 */
public final class Filters {

  /** Far outside any data the service holds, and inside the range of both formats and arithmetic. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  /** The alphabet of service-kit's {@code Parameters.id} and of common-events' correlation ids. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  /** EventBridge's event bus names (CreateEventBus: 1-256 of these characters). */
  private static final Pattern BUS = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");

  private Filters() {}

  /** An optional identifier: null when absent, else 1-128 letters, digits or {@code . _ : -}. */
  public static @Nullable String name(Parameters parameters, String field, @Nullable String value) {
    if (value == null) {
      return null;
    }
    return parameters.text(field, value, 128) == null ? null : parameters.id(field, value);
  }

  /** A required identifier, as {@link #name}. */
  public static @Nullable String requiredName(Parameters parameters, String field, @Nullable String value) {
    return parameters.required(field, value, 128) == null ? null : parameters.id(field, value);
  }

  /** Whether {@code value} is an identifier as {@link #name} accepts it. */
  public static boolean isName(String value) {
    return NAME.matcher(value).matches();
  }

  /** An optional ISO-8601 instant of a four-digit year. */
  public static @Nullable Instant instant(Parameters parameters, String field, @Nullable String value) {
    Instant instant = parameters.instant(field, value);
    if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
      return parameters.reject(field, "must be between " + EARLIEST + " and " + LATEST);
    }
    return instant;
  }

  /** An event bus name as EventBridge allows them (not an ARN). */
  public static boolean busName(String value) {
    return BUS.matcher(value).matches();
  }
}
