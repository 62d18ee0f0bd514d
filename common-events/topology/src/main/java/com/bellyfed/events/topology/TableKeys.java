package com.bellyfed.events.topology;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The derived key attributes of the restaurants table's indexes (docs/data-model.md). Every writer
 * of restaurant items (write-service, import-service) and the reader (query-service) computes them
 * here, so that "Kuala Lumpur", " kuala  lumpur" and "KUALA LUMPUR" land in one partition.
 */
public final class TableKeys {

  /** The constant partition of the all-* indexes. */
  public static final String ALL = "ALL";

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final DateTimeFormatter SORTABLE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TableKeys() {}

  /** Trimmed, inner whitespace collapsed, Unicode NFKC, lower case (root locale). */
  public static String normalized(String value) {
    String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(folded.strip()).replaceAll(" ");
  }

  /** {@code cityKey} of a restaurant item. */
  public static String cityKey(String city) {
    return normalized(city);
  }

  /** {@code cuisineKey} of a restaurant item. */
  public static String cuisineKey(String cuisine) {
    return normalized(cuisine);
  }

  /** {@code cityCuisineKey} of a restaurant item. */
  public static String cityCuisineKey(String city, String cuisine) {
    return normalized(city) + "#" + normalized(cuisine);
  }

  /** {@code nameKey} of a restaurant item: its name as sorted. */
  public static String nameKey(String name) {
    return normalized(name);
  }

  /**
   * An instant as written to a sort key ({@code createdAt}): ISO-8601 UTC with exactly three fraction
   * digits, so that text order is time order. {@link Instant#toString()} drops zero fractions, and
   * "12:00:05Z" sorts after "12:00:05.120Z". {@link Instant#parse} reads it back.
   */
  public static String timestamp(Instant instant) {
    return SORTABLE_INSTANT.format(instant);
  }

  /** The partition attribute of a listing scope: all, city, cuisine or city-cuisine. */
  static String scopeAttribute(String scope) {
    return switch (scope) {
      case "all" -> "allKey";
      case "city" -> "cityKey";
      case "cuisine" -> "cuisineKey";
      case "city-cuisine" -> "cityCuisineKey";
      default -> throw new IllegalArgumentException("Unknown listing scope " + scope);
    };
  }
}
