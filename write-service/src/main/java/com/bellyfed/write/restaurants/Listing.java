package com.bellyfed.write.restaurants;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a restaurant a client writes, already validated.
 *
 * @param geo optional position
 * @param priceLevel 1-4, or null when unknown
 */
public record Listing(
    String name, String city, String cuisine, String address, @Nullable Geo geo, @Nullable Integer priceLevel, List<String> tags) {

  /** A position in decimal degrees. */
  public record Geo(BigDecimal lat, BigDecimal lon) {}
}
