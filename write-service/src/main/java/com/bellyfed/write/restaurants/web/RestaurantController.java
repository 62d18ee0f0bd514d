package com.bellyfed.write.restaurants.web;

import com.bellyfed.data.restaurants.Listing;
import com.bellyfed.kit.security.Actor;
import com.bellyfed.write.restaurants.Restaurant;
import com.bellyfed.write.restaurants.Restaurants;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/restaurants")
@Tag(name = "restaurants", description = "Restaurant listings (admins only); each change publishes restaurant.listing.created|updated|deleted")
@SecurityRequirement(name = "bearer")
class RestaurantController {

  static final String ID = "[A-Za-z0-9-]{1,64}";

  private final Restaurants restaurants;
  private final IdempotencyKeys idempotency;

  RestaurantController(Restaurants restaurants, IdempotencyKeys idempotency) {
    this.restaurants = restaurants;
    this.idempotency = idempotency;
  }

  @Operation(summary = "Create a restaurant (201, Location, ETag); Idempotency-Key replays a retried request")
  @ApiResponse(responseCode = "201", description = "Created", headers = {
      @Header(name = HttpHeaders.LOCATION, description = "The new restaurant: /api/restaurants/{restaurantId}", schema = @Schema(type = "string", format = "uri-reference")),
      @Header(name = HttpHeaders.ETAG, description = "The new version, for If-Match", schema = @Schema(type = "string")),
      @Header(name = IdempotencyKeys.REPLAYED_HEADER, description = "true when the answer replays an earlier request with the same Idempotency-Key", schema = @Schema(type = "string"))})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RestaurantView> create(
      @Valid @RequestBody Listing body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String key,
      HttpServletRequest request,
      Actor actor) {
    return idempotency.create(key, actor, request, body, RestaurantView.class, alsoCommit ->
        created(restaurants.create(body, restaurant -> alsoCommit.apply(created(restaurant)))));
  }

  @Operation(summary = "Replace a restaurant's listing; If-Match gives 412 when the version moved on")
  @PutMapping(path = "/{restaurantId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RestaurantView> replace(
      @PathVariable @Pattern(regexp = ID) String restaurantId,
      @Valid @RequestBody Listing body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    Restaurant restaurant = restaurants.replace(restaurantId, body, ETags.expectedVersion(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(restaurant.version())).body(RestaurantView.of(restaurant));
  }

  @Operation(summary = "Delete a restaurant; If-Match gives 412 when the version moved on")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{restaurantId}")
  ResponseEntity<Void> delete(
      @PathVariable @Pattern(regexp = ID) String restaurantId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    restaurants.delete(restaurantId, ETags.expectedVersion(ifMatch));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<RestaurantView> created(Restaurant restaurant) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/restaurants/" + restaurant.restaurantId()))
        .eTag(ETags.of(restaurant.version()))
        .body(RestaurantView.of(restaurant));
  }
}
