package com.bellyfed.kit.security;

import com.bellyfed.kit.problem.TooManyRequestsException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits the requests of {@code bellyfed.security.rate-limits.rules} per signed-in user ({@code sub}) and per
 * client address; over a limit, 429 with {@code Retry-After}. Runs after the token is checked (so that the
 * user is known) and before authorization. The address is the connection's: behind a load balancer, set
 * {@code server.forward-headers-strategy=native} so that the container takes it from the balancer's
 * {@code X-Forwarded-For}; the header itself is never read here, anyone can write it.
 */
class WriteRateLimitFilter extends OncePerRequestFilter {

  private final List<CompiledRule> rules;
  private final RateLimiterKeys keys;
  private final ProblemResponses problems;

  WriteRateLimitFilter(List<SecurityProperties.Rule> rules, RateLimiterKeys keys, ProblemResponses problems) {
    this.rules = rules.stream().map(CompiledRule::new).toList();
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<CompiledRule> rule = rules.stream().filter(candidate -> candidate.matches(request)).findFirst();
    if (rule.isPresent()) {
      int index = rules.indexOf(rule.get());
      Optional<String> user = Actor.current().map(Actor::userId);
      if (refused(request, response, rule.get().perUser(), user.map(sub -> index + "|user|" + sub).orElse(null))
          || refused(request, response, rule.get().perAddress(), index + "|address|" + request.getRemoteAddr())) {
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private boolean refused(HttpServletRequest request, HttpServletResponse response, @Nullable String config, @Nullable String key)
      throws IOException {
    if (config == null || key == null) {
      return false;
    }
    RateLimiter limiter = keys.limiter(key, config);
    if (limiter.acquirePermission()) {
      return false;
    }
    TooManyRequestsException tooMany =
        new TooManyRequestsException("Too many requests of this kind; try again later", RateLimiterKeys.wait(limiter));
    problems.write(request, response, tooMany.getBody(), tooMany.getHeaders());
    return true;
  }

  private record CompiledRule(PathPattern path, List<String> methods, @Nullable String perUser, @Nullable String perAddress) {

    CompiledRule(SecurityProperties.Rule rule) {
      this(PathPatternParser.defaultInstance.parse(rule.path()),
          rule.methods().stream().map(method -> method.toUpperCase(Locale.ROOT)).toList(), rule.perUser(), rule.perAddress());
    }

    boolean matches(HttpServletRequest request) {
      if (!methods.contains(request.getMethod())) {
        return false;
      }
      String requestPath = request.getRequestURI().substring(request.getContextPath().length());
      return path.matches(PathContainer.parsePath(requestPath));
    }
  }
}
