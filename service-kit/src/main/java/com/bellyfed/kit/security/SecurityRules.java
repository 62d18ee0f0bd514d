package com.bellyfed.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules, added to the kit's filter chain between the kit's own (health and the
 * OpenAPI documents are public) and its last, which refuses every request no rule names. A service
 * declares one (or, ordered, several) as a bean:
 *
 * <pre>{@code
 * @Bean
 * SecurityRules restaurantRules() {
 *   return requests -> requests
 *       .requestMatchers(HttpMethod.GET, "/restaurants/**").permitAll()
 *       .requestMatchers("/restaurants/**").hasRole(Actor.ADMIN);
 * }
 * }</pre>
 *
 * Ownership ("only the user themself, or an admin") depends on the path's user id and is checked in the
 * controller with {@link Actor#requireSelfOrAdmin(String)}; the rule here only asks for a signed-in user.
 */
@FunctionalInterface
public interface SecurityRules {

  void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
