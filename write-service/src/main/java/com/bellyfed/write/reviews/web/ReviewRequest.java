package com.bellyfed.write.reviews.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST /api/restaurants/{id}/reviews.
 *
 * @param userId the author (until the API sits behind Cognito, the client names it)
 */
record ReviewRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-_]{1,128}") String userId,
    @NotNull @Min(1) @Max(5) Integer rating,
    @Size(max = 200) @Nullable String dish,
    @Size(max = 4000) @Nullable String text) {}
