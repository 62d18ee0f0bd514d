package com.bellyfed.write.users.web;

import com.bellyfed.write.users.User.Preferences;
import com.bellyfed.write.users.User.PriceRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of PUT /api/users/{userId}/preferences; price levels 1-4 as on restaurants. */
record PreferencesRequest(
    @Size(max = 20) @Nullable List<@NotBlank @Size(max = 50) String> cuisines,
    @Size(max = 20) @Nullable List<@NotBlank @Size(max = 50) String> dietaryRestrictions,
    @Valid @Nullable PriceRangeRequest priceRange) {

  record PriceRangeRequest(@NotNull @Min(1) @Max(4) Integer min, @NotNull @Min(1) @Max(4) Integer max) {

    @AssertTrue(message = "min must not be above max")
    boolean isOrdered() {
      return min == null || max == null || min <= max;
    }
  }

  Preferences preferences() {
    return new Preferences(
        cuisines == null ? List.of() : cuisines.stream().map(String::strip).toList(),
        dietaryRestrictions == null ? List.of() : dietaryRestrictions.stream().map(String::strip).toList(),
        priceRange == null ? null : new PriceRange(priceRange.min(), priceRange.max()));
  }
}
