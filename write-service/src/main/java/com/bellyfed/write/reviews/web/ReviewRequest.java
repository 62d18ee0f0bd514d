package com.bellyfed.write.reviews.web;

import com.bellyfed.data.reviews.ReviewContent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of a new review: what the author wrote. The author is the signed-in user (the token's
 * {@code sub}), never the body's.
 *
 * @param userId no longer part of the API: present, it is refused with 400 naming the field, rather than
 *     ignored, so that a client still sending it learns that its author is not taken from there
 */
record ReviewRequest(
    @NotNull @Min(1) @Max(5) Integer rating,
    @Size(max = 200) @Nullable String dish,
    @Size(max = 5000) @Nullable String text,
    @Schema(hidden = true)
    @Null(message = "must not be sent: the author is the signed-in user (the access token's sub)") @Nullable String userId) {

  /** The content as every writer stores it (shared-data's rules), by {@code author}. */
  ReviewContent by(String author) {
    return new ReviewContent(author, rating, dish, text);
  }
}
