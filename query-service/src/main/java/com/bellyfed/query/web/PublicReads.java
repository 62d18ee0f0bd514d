package com.bellyfed.query.web;

import com.bellyfed.kit.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The service's access rules: it only reads, and every read is public (a profile's private fields are
 * left out unless the caller is its user or an admin, {@code users.web.ProfilesController}). The paths
 * are named one by one rather than {@code /api/**}, so that a GET added later is refused by the kit's
 * last rule until someone decides it is public; every other method is refused the same way (401 without
 * a token, 403 with one), as the service has nothing to write.
 */
@Configuration(proxyBeanMethods = false)
class PublicReads {

  static final String[] PATHS = {
      "/api/restaurants", "/api/restaurants/*", "/api/restaurants/*/reviews", "/api/users/*/profile", "/api/users/*/reviews"};

  @Bean
  SecurityRules publicReadRules() {
    return requests -> requests
        .requestMatchers(HttpMethod.GET, PATHS).permitAll()
        .requestMatchers(HttpMethod.HEAD, PATHS).permitAll();
  }
}
