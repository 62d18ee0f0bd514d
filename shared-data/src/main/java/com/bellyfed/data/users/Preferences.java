package com.bellyfed.data.users;

import com.bellyfed.data.Attributes;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a user likes; missing lists are empty. */
public record Preferences(
    @Size(max = 20) List<@NotBlank @Size(max = 50) String> cuisines,
    @Size(max = 20) List<@NotBlank @Size(max = 50) String> dietaryRestrictions,
    @Valid @Nullable PriceRange priceRange) {

  public Preferences {
    cuisines = cuisines == null ? List.of() : cuisines.stream().map(Attributes::required).toList();
    dietaryRestrictions = dietaryRestrictions == null ? List.of() : dietaryRestrictions.stream().map(Attributes::required).toList();
  }

  /** Price levels 1-4, as on restaurants. */
  public record PriceRange(@NotNull @Min(1) @Max(4) Integer min, @NotNull @Min(1) @Max(4) Integer max) {

    // Read by bean validation as property "ordered"; not part of the JSON of an API body or an event.
    @JsonIgnore
    @AssertTrue(message = "min must not be above max")
    public boolean isOrdered() {
      return min == null || max == null || min <= max;
    }
  }
}
