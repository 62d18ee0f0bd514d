package com.bellyfed.write.web;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.kit.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the write API (docs/write-service.md, "Security"). Every endpoint writes, so none is
 * public. Users write their own profile, preferences and reviews: here they only need to be signed in,
 * the controllers check that the path's user (or the review's author) is the caller, or the caller an admin.
 * Restaurant listings are the admins'. Anything else falls to the kit's {@code denyAll()}.
 */
@Configuration(proxyBeanMethods = false)
class WriteSecurity {

  @Bean
  SecurityRules writeRules() {
    return requests -> requests
        // Before the admin rule below, which would otherwise take this path too.
        .requestMatchers(HttpMethod.POST, "/api/restaurants/*/reviews").authenticated()
        .requestMatchers(HttpMethod.DELETE, "/api/reviews/*").authenticated()
        .requestMatchers(HttpMethod.PUT, "/api/users/*/profile", "/api/users/*/preferences").authenticated()
        // Every method, so that an admin's unsupported one is answered 405 rather than hidden behind 403.
        .requestMatchers("/api/restaurants", "/api/restaurants/**").hasRole(Actor.ADMIN);
  }
}
