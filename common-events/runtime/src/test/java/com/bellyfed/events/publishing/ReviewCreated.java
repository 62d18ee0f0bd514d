package com.bellyfed.events.publishing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A test payload shaped like write-service's review event. */
record ReviewCreated(@NotBlank String reviewId, @NotBlank String restaurantId, @Min(1) @Max(5) int rating, String text) {

  static ReviewCreated review(int n) {
    return new ReviewCreated("review-" + n, "restaurant-" + (n % 7), 1 + n % 5, "tasty " + n);
  }
}
