package com.bellyfed.analytics;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.kit.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call this service: every API here is an operator's (issue 18: "the analytics and error APIs,
 * DLQ operations and replays" are the {@code admin} group's). Analytics events reach the service only
 * through the analytics bus, never over HTTP, so no endpoint is a signed-in user's. The paths are named one
 * by one rather than as {@code /api/**}, so that a new API is refused (the kit's last rule) until someone
 * decides who may call it.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

  /** Each prefix also matches the bare path ({@code /**} matches zero segments). */
  static final String[] ADMIN_APIS = {"/api/analytics/**", "/api/events/**", "/api/errors/**", "/api/dlqs/**", "/api/replays/**"};

  @Bean
  SecurityRules analyticsAccessRules() {
    return requests -> requests.requestMatchers(ADMIN_APIS).hasRole(Actor.ADMIN);
  }
}
