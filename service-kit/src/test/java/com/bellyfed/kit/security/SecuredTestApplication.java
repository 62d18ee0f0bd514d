package com.bellyfed.kit.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service as the wiring step will make them: its rules as a bean, ownership checked with the {@link Actor}. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SecuredTestApplication {

  @Bean
  SecurityRules testRules() {
    return requests -> requests
        .requestMatchers(HttpMethod.GET, "/restaurants/**").permitAll()
        .requestMatchers("/users/*/profile").authenticated()
        .requestMatchers("/admin/**").hasRole(Actor.ADMIN);
  }

  /** Registered as a member class of this configuration. */
  @RestController
  static class Controller {

    @GetMapping("/restaurants/{id}")
    Map<String, String> restaurant(@PathVariable String id) {
      return Map.of("id", id);
    }

    @PutMapping("/users/{userId}/profile")
    Map<String, Object> profile(@PathVariable String userId, Actor actor) {
      actor.requireSelfOrAdmin(userId);
      return Map.of("userId", userId, "writtenBy", actor.userId(), "admin", actor.admin());
    }

    @PostMapping("/admin/replays")
    Map<String, String> replay(Actor actor) {
      return Map.of("startedBy", actor.username());
    }

    @PostMapping("/admin/denied-inside")
    Map<String, String> deniedInside() {
      throw new org.springframework.security.access.AccessDeniedException("method security said no");
    }

    @GetMapping("/unlisted")
    Map<String, String> unlisted() {
      return Map.of("reached", "yes");
    }
  }
}
