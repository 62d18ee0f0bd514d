package com.bellyfed.query.users.web;

import com.bellyfed.query.analytics.QueryAnalytics;
import com.bellyfed.query.users.Profile;
import com.bellyfed.query.users.Profiles;
import com.bellyfed.query.web.CachePolicies;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.kit.security.Actor;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfilesController {

  private final Profiles profiles;

  ProfilesController(Profiles profiles) {
    this.profiles = profiles;
  }

  @Operation(summary = "A user's profile page; ETag and If-None-Match as for restaurants",
      description = "Public. Preferences are included only for the user themself or an admin (a bearer token); "
          + "anyone else gets the profile without them, under another ETag.")
  @GetMapping("/api/users/{id}/profile")
  ResponseEntity<Profile> profile(@PathVariable String id, HttpServletRequest request) {
    QueryAnalytics analytics = QueryAnalytics.of(request).query("USER_QUERY_ANALYTICS", "users.profile");
    Parameters parameters = new Parameters();
    parameters.id("id", id);
    parameters.validate();
    analytics.userId(id);

    Profiles.Versioned found = profiles.find(id).orElseThrow(() -> new NotFoundException("No user with id " + id));
    analytics.resultCount(1);
    // The two views are two representations: each has its own ETag, and a cache keeps them apart by token.
    boolean own = Actor.current().filter(actor -> actor.admin() || actor.userId().equals(id)).isPresent();
    Profile profile = own ? found.profile() : found.profile().publicView();
    String eTag = own ? found.version() + "-own" : Long.toString(found.version());
    return ResponseEntity.ok().eTag(eTag).cacheControl(CachePolicies.profile()).varyBy(HttpHeaders.AUTHORIZATION).body(profile);
  }
}
