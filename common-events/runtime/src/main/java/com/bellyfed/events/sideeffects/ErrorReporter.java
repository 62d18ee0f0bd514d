package com.bellyfed.events.sideeffects;

import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.publishing.EventPublisher;
import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@code ErrorOccurred} to the error bus, at most as many reports per error code as the
 * rate limiter {@code resilience4j.ratelimiter.instances.errors} permits in each period (10 a minute),
 * so that a failure storm becomes a few reports and a count instead of a flood. Each error code gets
 * its own limiter with that configuration, {@code errors.<code>} in the registry. The suppressed
 * reports are counted ({@code bellyfed.errors.suppressed}) and the next report of the code says how
 * many were suppressed before it.
 */
public final class ErrorReporter {

  /** The declared rate limiter whose configuration every error code's limiter takes. */
  public static final String LIMITER = "errors";

  private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

  private final EventPublisher publisher;
  private final String service;
  private final RateLimiterRegistry limiters;
  private final RateLimiterConfig perCode;
  private final MeterRegistry registry;
  private final ConcurrentMap<String, AtomicInteger> suppressed = new ConcurrentHashMap<>();

  public ErrorReporter(EventPublisher publisher, String service, RateLimiterRegistry limiters, MeterRegistry registry) {
    this.publisher = publisher;
    this.service = service;
    this.limiters = limiters;
    this.perCode = Declared.rateLimiter(limiters, LIMITER).getRateLimiterConfig();
    this.registry = registry;
  }

  /** Reports an error unless its code already used up this period's reports; never throws. */
  public boolean report(Severity severity, String errorCode, Throwable error, Map<String, String> context, boolean canRetry) {
    AtomicInteger suppressedOfCode = suppressed.computeIfAbsent(errorCode, code -> new AtomicInteger());
    if (!limiter(errorCode).acquirePermission()) {
      suppressedOfCode.incrementAndGet();
      registry.counter("bellyfed.errors.suppressed", "errorCode", errorCode).increment();
      return false;
    }
    Map<String, String> details = new LinkedHashMap<>(context);
    details.put("exception", error.getClass().getName());
    int suppressedBefore = suppressedOfCode.getAndSet(0);
    if (suppressedBefore > 0) {
      details.put("suppressedBefore", Integer.toString(suppressedBefore));
    }
    try {
      publisher.publish(
          ErrorOccurred.EVENT_TYPE,
          new ErrorOccurred(service, severity, errorCode, String.valueOf(error.getMessage()), details, canRetry));
      registry.counter("bellyfed.errors.reported", "errorCode", errorCode, "severity", severity.name()).increment();
      return true;
    } catch (RuntimeException e) {
      log.warn("Error {} could not be reported: {}", errorCode, e.toString());
      return false;
    }
  }

  /** The limiter of one error code; the registry hands out the same one for the same name. */
  RateLimiter limiter(String errorCode) {
    return limiters.rateLimiter(LIMITER + "." + errorCode, perCode);
  }
}
