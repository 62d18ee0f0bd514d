package com.bellyfed.write.users.web;

import com.bellyfed.data.users.Preferences;
import com.bellyfed.data.users.Profile;
import com.bellyfed.kit.security.Actor;
import com.bellyfed.write.users.User;
import com.bellyfed.write.users.UserAccounts;
import com.bellyfed.write.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/{userId}")
@Tag(name = "users", description = "Profiles and preferences; publishes user.profile.updated and user.preferences.changed")
@SecurityRequirement(name = "bearer")
class UserController {

  private static final String ID = "[A-Za-z0-9-_]{1,128}";

  private final UserAccounts users;

  UserController(UserAccounts users) {
    this.users = users;
  }

  @Operation(summary = "Replace a user's profile (201 when it creates the user); If-Match gives 412 when the version moved on. "
      + "The user themself or an admin; another user's id is 403")
  @ApiResponse(responseCode = "200", description = "Replaced", headers = @Header(name = HttpHeaders.ETAG, description = "The new version, for If-Match", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "201", description = "Created the user", headers = {
      @Header(name = HttpHeaders.LOCATION, description = "The new user: /api/users/{userId}", schema = @Schema(type = "string", format = "uri-reference")),
      @Header(name = HttpHeaders.ETAG, description = "The new version, for If-Match", schema = @Schema(type = "string"))})
  @PutMapping(path = "/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<UserView> profile(
      @PathVariable @Pattern(regexp = ID) String userId,
      @Valid @RequestBody Profile body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      Actor actor) {
    actor.requireSelfOrAdmin(userId);
    return answer(users.updateProfile(userId, body, ETags.expectedVersion(ifMatch)));
  }

  @Operation(summary = "Replace a user's preferences (201 when it creates the user); If-Match gives 412 when the version moved on. "
      + "The user themself or an admin; another user's id is 403")
  @ApiResponse(responseCode = "200", description = "Replaced", headers = @Header(name = HttpHeaders.ETAG, description = "The new version, for If-Match", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "201", description = "Created the user", headers = {
      @Header(name = HttpHeaders.LOCATION, description = "The new user: /api/users/{userId}", schema = @Schema(type = "string", format = "uri-reference")),
      @Header(name = HttpHeaders.ETAG, description = "The new version, for If-Match", schema = @Schema(type = "string"))})
  @PutMapping(path = "/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<UserView> preferences(
      @PathVariable @Pattern(regexp = ID) String userId,
      @Valid @RequestBody Preferences body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      Actor actor) {
    actor.requireSelfOrAdmin(userId);
    return answer(users.updatePreferences(userId, body, ETags.expectedVersion(ifMatch)));
  }

  private static ResponseEntity<UserView> answer(User user) {
    ResponseEntity.BodyBuilder response = user.created()
        ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/users/" + user.userId()))
        : ResponseEntity.ok();
    return response.eTag(ETags.of(user.version())).body(UserView.of(user));
  }
}
