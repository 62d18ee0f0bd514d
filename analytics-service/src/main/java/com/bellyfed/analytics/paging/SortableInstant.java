package com.bellyfed.analytics.paging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as fixed-width UTC strings, so that DynamoDB's string order of sort keys is time order
 * ({@code Instant.toString()} drops trailing zero fractions and would sort 12:00:00Z after 12:00:00.5Z).
 */
public final class SortableInstant {

  private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private SortableInstant() {}

  public static String of(Instant instant) {
    return NANOS.format(instant);
  }

  /** Sorts after every {@link #of} of the same instant and before the next nanosecond's. */
  public static String endOf(Instant instant) {
    return NANOS.format(instant) + "~";
  }

  public static String minute(Instant instant) {
    return MINUTE.format(instant.truncatedTo(ChronoUnit.MINUTES));
  }

  /** The minute of a {@link #minute} string, or of one followed by {@code #suffix} (a shard of the minute). */
  public static Instant parseMinute(String minute) {
    int shard = minute.indexOf('#');
    return Instant.parse((shard < 0 ? minute : minute.substring(0, shard)).replace("Z", ":00Z"));
  }

  /** The hour partition of the archive's time index. */
  public static String hour(Instant instant) {
    return HOUR.format(instant);
  }

  public static Instant parse(String sortable) {
    return Instant.parse(sortable);
  }
}
