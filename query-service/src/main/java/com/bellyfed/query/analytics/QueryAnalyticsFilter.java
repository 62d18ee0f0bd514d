package com.bellyfed.query.analytics;

import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Emits the QUERY analytics event of every API request after its response was flushed to the
 * client. {@link AnalyticsRecorder#record} only hands the event to a bounded queue (and drops it
 * when that is full), so neither a slow nor a failing EventBridge can delay or fail the response.
 */
final class QueryAnalyticsFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(QueryAnalyticsFilter.class);

  private final AnalyticsRecorder recorder;
  private final Map<String, Object> serviceProperties;
  private final double sampleRate;

  QueryAnalyticsFilter(AnalyticsRecorder recorder, String service, String version) {
    this(recorder, service, version, 1.0);
  }

  QueryAnalyticsFilter(AnalyticsRecorder recorder, String service, String version, double sampleRate) {
    this.recorder = recorder;
    this.sampleRate = sampleRate;
    this.serviceProperties = Map.of("service", service, "version", version, "heapLimit", Runtime.getRuntime().maxMemory());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
      response.flushBuffer();
    } finally {
      if (sampleRate >= 1 || ThreadLocalRandom.current().nextDouble() < sampleRate) {
        record(request, response, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, long durationMs) {
    try {
      QueryAnalytics facts = QueryAnalytics.find(request);
      if (facts == null) {
        facts = new QueryAnalytics();
      }
      int status = response.getStatus();
      Map<String, Object> properties = new LinkedHashMap<>(serviceProperties);
      properties.put("query", facts.query());
      properties.put("httpStatus", status);
      properties.put("resultCount", facts.resultCount());
      properties.put("filters", Map.copyOf(facts.filters()));
      if (facts.userId() != null) {
        properties.put("userId", facts.userId());
      }
      recorder.record(
          new AnalyticsEvent(
              facts.eventType(),
              "EXECUTE",
              AnalyticsEvent.Category.QUERY,
              status < 400 ? AnalyticsEvent.Status.SUCCESS : AnalyticsEvent.Status.FAILURE,
              durationMs,
              properties));
    } catch (RuntimeException e) {
      // Analytics must never turn a served request into a failed one.
      log.warn("Analytics of {} not recorded: {}", request.getRequestURI(), e.toString());
    }
  }
}
