package com.bellyfed.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in caller's {@code sub} into the logging MDC under {@value #MDC_KEY} for the rest of the
 * request, and takes it out after: every log line of the request names the user, and common-events'
 * {@code EventFactory} copies it into the {@code actor} of each event the request publishes. Runs right after
 * the token filter, so the value is only ever a validated token's {@code sub}, never a header or a body.
 *
 * <p>The key's text is the contract with common-events ({@code Correlation.ACTOR}), which service-kit does not
 * depend on: change both or neither.
 */
final class ActorMdcFilter extends OncePerRequestFilter {

  /** Also {@code com.bellyfed.events.envelope.Correlation.ACTOR}. */
  static final String MDC_KEY = "actor";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> sub = Actor.current().map(Actor::userId);
    if (sub.isEmpty()) {
      // An anonymous request acts for nobody, whatever a pooled thread was left holding.
      MDC.remove(MDC_KEY);
      chain.doFilter(request, response);
      return;
    }
    MDC.put(MDC_KEY, sub.get());
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
