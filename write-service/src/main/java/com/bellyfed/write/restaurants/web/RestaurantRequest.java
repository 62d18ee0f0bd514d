package com.bellyfed.write.restaurants.web;

import com.bellyfed.write.restaurants.Listing;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of POST and PUT: a whole listing (PUT replaces every field). */
record RestaurantRequest(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 100) String city,
    @NotBlank @Size(max = 100) String cuisine,
    @NotBlank @Size(max = 500) String address,
    @Valid @Nullable GeoRequest geo,
    @Min(1) @Max(4) @Nullable Integer priceLevel,
    @Size(max = 20) @Nullable List<@NotBlank @Size(max = 50) String> tags) {

  record GeoRequest(
      @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal lon) {}

  Listing listing() {
    return new Listing(
        name.strip(), city.strip(), cuisine.strip(), address.strip(),
        geo == null ? null : new Listing.Geo(geo.lat(), geo.lon()),
        priceLevel,
        tags == null ? List.of() : tags.stream().map(String::strip).toList());
  }
}
