package com.bellyfed.write.reviews.web;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.write.reviews.Review;
import com.bellyfed.write.reviews.Reviews;
import com.bellyfed.write.web.ETags;
import com.bellyfed.write.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "reviews", description = "Reviews; each change publishes restaurant.review.created|deleted, which the rating aggregate consumes")
@SecurityRequirement(name = "bearer")
class ReviewController {

  private static final String ID = "[A-Za-z0-9-]{1,64}";

  private final Reviews reviews;
  private final IdempotencyKeys idempotency;

  ReviewController(Reviews reviews, IdempotencyKeys idempotency) {
    this.reviews = reviews;
    this.idempotency = idempotency;
  }

  @Operation(summary = "Review a restaurant as the signed-in user (201, Location, ETag); Idempotency-Key replays a retried request")
  @ApiResponse(responseCode = "201", description = "Created", headers = {
      @Header(name = HttpHeaders.LOCATION, description = "The new review: /api/reviews/{reviewId}", schema = @Schema(type = "string", format = "uri-reference")),
      @Header(name = HttpHeaders.ETAG, description = "The new version, for If-Match", schema = @Schema(type = "string")),
      @Header(name = IdempotencyKeys.REPLAYED_HEADER, description = "true when the answer replays an earlier request with the same Idempotency-Key", schema = @Schema(type = "string"))})
  @PostMapping(path = "/api/restaurants/{restaurantId}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ReviewView> create(
      @PathVariable @Pattern(regexp = ID) String restaurantId,
      @Valid @RequestBody ReviewRequest body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
      HttpServletRequest request,
      Actor actor) {
    return idempotency.create(key, actor, request, body, ReviewView.class, alsoCommit ->
        created(reviews.create(restaurantId, body.by(actor.userId()), review -> alsoCommit.apply(created(review)))));
  }

  @Operation(summary = "Delete a review: its author or an admin (403 otherwise); If-Match gives 412 when the version moved on")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/api/reviews/{reviewId}")
  ResponseEntity<Void> delete(
      @PathVariable @Pattern(regexp = ID) String reviewId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      Actor actor) {
    reviews.delete(reviewId, ETags.expectedVersion(ifMatch), actor::requireSelfOrAdmin);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ReviewView> created(Review review) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/reviews/" + review.reviewId()))
        .eTag(ETags.of(review.version()))
        .body(ReviewView.of(review));
  }
}
