package com.bellyfed.write.web;

import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.write.writing.WriteAnalytics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Emits the analytics event of every REST write (action WRITE), successful or not, in one place
 * rather than in each controller.
 */
class WriteAnalyticsInterceptor implements HandlerInterceptor {

  private static final String STARTED = WriteAnalyticsInterceptor.class.getName() + ".started";
  private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

  private final WriteAnalytics analytics;

  WriteAnalyticsInterceptor(WriteAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    request.setAttribute(STARTED, System.nanoTime());
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception exception) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    Object started = request.getAttribute(STARTED);
    if (!WRITES.contains(request.getMethod()) || !(pattern instanceof String route) || !(started instanceof Long nanos)) {
      return;
    }
    String entity = entity(route);
    if (entity == null) {
      return;
    }
    int status = response.getStatus();
    analytics.record(
        entity,
        Category.USER_ACTION,
        status < 400 && exception == null,
        Duration.ofNanos(System.nanoTime() - nanos),
        Map.of("operation", request.getMethod() + " " + route, "httpStatus", status));
  }

  private static @Nullable String entity(String route) {
    if (route.contains("/reviews")) {
      return "REVIEW";
    }
    if (route.startsWith("/api/restaurants")) {
      return "RESTAURANT";
    }
    if (route.startsWith("/api/users")) {
      return "USER";
    }
    return null;
  }
}
