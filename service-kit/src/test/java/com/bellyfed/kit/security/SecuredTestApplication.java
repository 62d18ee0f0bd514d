package com.bellyfed.kit.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

  @Bean
  MdcProbe mdcProbe() {
    return new MdcProbe();
  }

  /** What the logging MDC holds as {@code actor} in a controller, as a log line of it would show it. */
  static String loggedActor() {
    return Objects.toString(MDC.get(ActorMdcFilter.MDC_KEY), "none");
  }

  /**
   * The outermost filter: records what a request left in the server thread's MDC under {@code actor} once
   * every other filter is done, for requests that carry an {@value #HEADER} header.
   */
  static final class MdcProbe implements Filter, Ordered {

    static final String HEADER = "X-Mdc-Probe";
    private final Map<String, String> leftAfter = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
      try {
        chain.doFilter(request, response);
      } finally {
        String probe = ((HttpServletRequest) request).getHeader(HEADER);
        if (probe != null) {
          leftAfter.put(probe, loggedActor());
        }
      }
    }

    Optional<String> leftAfter(String probe) {
      return Optional.ofNullable(leftAfter.get(probe));
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /** Registered as a member class of this configuration. */
  @RestController
  static class Controller {

    @GetMapping("/restaurants/{id}")
    Map<String, String> restaurant(@PathVariable String id) {
      return Map.of("id", id, "loggedActor", loggedActor());
    }

    @PutMapping("/users/{userId}/profile")
    Map<String, Object> profile(@PathVariable String userId, Actor actor) {
      actor.requireSelfOrAdmin(userId);
      return Map.of("userId", userId, "writtenBy", actor.userId(), "admin", actor.admin(), "loggedActor", loggedActor());
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
