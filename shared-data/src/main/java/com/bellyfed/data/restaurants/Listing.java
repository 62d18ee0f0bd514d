package com.bellyfed.data.restaurants;

import com.bellyfed.data.Attributes;
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

/**
 * The fields of a restaurant that its writers set, with the one set of rules every writer checks
 * (write-service's API body, import-service's records). The constructor strips texts and turns a
 * missing tag list into an empty one, so that the rules see what will be stored.
 *
 * @param address required (docs/data-model.md); up to 500 characters
 * @param geo optional position
 * @param priceLevel 1-4, or null when unknown
 * @param tags at most 20, stored only when there is one
 */
public record Listing(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 100) String city,
    @NotBlank @Size(max = 100) String cuisine,
    @NotBlank @Size(max = 500) String address,
    @Valid @Nullable Geo geo,
    @Min(1) @Max(4) @Nullable Integer priceLevel,
    @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {

  public Listing {
    name = Attributes.required(name);
    city = Attributes.required(city);
    cuisine = Attributes.required(cuisine);
    address = Attributes.required(address);
    tags = tags == null ? List.of() : tags.stream().map(Attributes::required).toList();
  }

  /** A position in decimal degrees. */
  public record Geo(
      @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal lon) {}
}
