package com.bellyfed.data.reviews;

import com.bellyfed.data.Attributes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a review and what they wrote, with the one set of rules every writer checks
 * (write-service's API body, import-service's records). The constructor strips the texts; a blank
 * dish or text is no dish or text.
 *
 * @param userId the author: the users table's key, in the form the API's paths accept
 * @param rating 1-5
 */
public record ReviewContent(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,128}", message = "must be 1-128 letters, digits, '-' or '_'") String userId,
    @NotNull @Min(1) @Max(5) Integer rating,
    @Size(max = 200) @Nullable String dish,
    @Size(max = 5000) @Nullable String text) {

  public ReviewContent {
    userId = Attributes.required(userId);
    dish = Attributes.text(dish);
    text = Attributes.text(text);
  }
}
