package com.bellyfed.query.reviews.web;

import com.bellyfed.query.analytics.QueryAnalytics;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.kit.web.Parameters;
import com.bellyfed.query.reviews.Review;
import com.bellyfed.query.reviews.Reviews;
import com.bellyfed.query.web.CachePolicies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewsController {

  private static final String EVENT = "REVIEW_QUERY_ANALYTICS";

  private final Reviews reviews;

  ReviewsController(Reviews reviews) {
    this.reviews = reviews;
  }

  @Operation(summary = "A restaurant's reviews, newest or best first")
  @GetMapping("/api/restaurants/{id}/reviews")
  ResponseEntity<Page<Review>> ofRestaurant(
      @PathVariable String id,
      @Parameter(description = "newest (default) or rating") @RequestParam(required = false) @Nullable String sort,
      @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable String limit,
      @RequestParam(required = false) @Nullable String cursor,
      HttpServletRequest request) {
    QueryAnalytics analytics = QueryAnalytics.of(request).query(EVENT, "restaurants.reviews");
    Parameters parameters = new Parameters();
    parameters.id("id", id);
    String order = parameters.oneOf("sort", sort, Reviews.SORTS);
    int size = parameters.integer("limit", limit, 1, 100, 20);
    String checkedCursor = parameters.text("cursor", cursor, 2_048);
    analytics.filter("sort", order).filter("limit", size).filter("cursor", checkedCursor == null ? null : true);
    parameters.validate();

    Page<Review> page = reviews.ofRestaurant(id, order, size, checkedCursor);
    analytics.resultCount(page.items().size());
    return ResponseEntity.ok().cacheControl(CachePolicies.listing()).body(page);
  }

  @Operation(summary = "A user's reviews, newest first")
  @GetMapping("/api/users/{id}/reviews")
  ResponseEntity<Page<Review>> ofUser(
      @PathVariable String id,
      @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable String limit,
      @RequestParam(required = false) @Nullable String cursor,
      HttpServletRequest request) {
    QueryAnalytics analytics = QueryAnalytics.of(request).query(EVENT, "users.reviews");
    Parameters parameters = new Parameters();
    parameters.id("id", id);
    int size = parameters.integer("limit", limit, 1, 100, 20);
    String checkedCursor = parameters.text("cursor", cursor, 2_048);
    analytics.filter("limit", size).filter("cursor", checkedCursor == null ? null : true);
    parameters.validate();
    analytics.userId(id);

    Page<Review> page = reviews.ofUser(id, size, checkedCursor);
    analytics.resultCount(page.items().size());
    return ResponseEntity.ok().cacheControl(CachePolicies.listing()).body(page);
  }
}
