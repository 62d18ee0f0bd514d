package com.bellyfed.query.restaurants.web;

import com.bellyfed.query.analytics.QueryAnalytics;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.kit.web.Parameters;
import com.bellyfed.query.restaurants.Restaurant;
import com.bellyfed.query.restaurants.RestaurantSearch;
import com.bellyfed.query.restaurants.Restaurants;
import com.bellyfed.query.web.CachePolicies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/restaurants")
class RestaurantsController {

  private static final String EVENT = "RESTAURANT_QUERY_ANALYTICS";
  /**
   * City and cuisine are names: letters of any script, digits, spaces and the punctuation names use. Anything
   * else (quotes, =, {, $, #, :) could never be a real name, so a search for it is answered with a 400 naming
   * the filter rather than an empty page (docs/query-service.md, decision 11).
   */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} '\u2019.,&()/-]+");

  private final Restaurants restaurants;

  RestaurantsController(Restaurants restaurants) {
    this.restaurants = restaurants;
  }

  @Operation(summary = "Search restaurants by city, cuisine, minimum rating and price level, one page at a time")
  @GetMapping
  ResponseEntity<Page<Restaurant>> search(
      @Parameter(description = "city, any case and spacing") @RequestParam(required = false) @Nullable String city,
      @Parameter(description = "cuisine, any case and spacing") @RequestParam(required = false) @Nullable String cuisine,
      @Parameter(description = "0 to 5") @RequestParam(required = false) @Nullable String minRating,
      @Parameter(description = "1 to 4") @RequestParam(required = false) @Nullable String priceLevel,
      @Parameter(description = "rating (default), name or newest") @RequestParam(required = false) @Nullable String sort,
      @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable String limit,
      @Parameter(description = "nextCursor of the previous page, with the same other parameters") @RequestParam(required = false) @Nullable String cursor,
      HttpServletRequest request) {
    QueryAnalytics analytics = QueryAnalytics.of(request).query(EVENT, "restaurants.search");
    Parameters parameters = new Parameters();
    RestaurantSearch search =
        new RestaurantSearch(
            name(parameters, "city", city),
            name(parameters, "cuisine", cuisine),
            parameters.decimal("minRating", minRating, BigDecimal.ZERO, BigDecimal.valueOf(5)),
            parameters.optionalInteger("priceLevel", priceLevel, 1, 4),
            parameters.oneOf("sort", sort, RestaurantSearch.SORTS),
            parameters.integer("limit", limit, 1, 100, 20));
    String checkedCursor = parameters.text("cursor", cursor, 2_048);
    analytics
        .filter("city", search.city())
        .filter("cuisine", search.cuisine())
        .filter("minRating", search.minRating())
        .filter("priceLevel", search.priceLevel())
        .filter("sort", search.sort())
        .filter("limit", search.limit())
        .filter("cursor", checkedCursor == null ? null : true);
    parameters.validate();

    Page<Restaurant> page = restaurants.search(search, checkedCursor);
    analytics.resultCount(page.items().size());
    return ResponseEntity.ok().cacheControl(CachePolicies.listing()).body(page);
  }

  private static @Nullable String name(Parameters parameters, String field, @Nullable String value) {
    String text = parameters.text(field, value, 100);
    if (text != null && !NAME.matcher(text).matches()) {
      return parameters.reject(field, "must be letters, digits, spaces or ' \u2019 - . , & ( ) /");
    }
    return text;
  }

  @Operation(summary = "A restaurant's page; send its ETag in If-None-Match to get 304 while it is unchanged")
  @GetMapping("/{id}")
  ResponseEntity<Restaurant> restaurant(@PathVariable String id, HttpServletRequest request) {
    QueryAnalytics analytics = QueryAnalytics.of(request).query(EVENT, "restaurants.get");
    Parameters parameters = new Parameters();
    parameters.id("id", id);
    parameters.validate();

    Restaurants.Versioned found = restaurants.find(id).orElseThrow(() -> new NotFoundException("No restaurant with id " + id));
    analytics.resultCount(1);
    // Spring answers 304 itself when If-None-Match names this ETag (HttpEntityMethodProcessor).
    return ResponseEntity.ok().eTag(Long.toString(found.version())).cacheControl(CachePolicies.restaurant()).body(found.restaurant());
  }
}
