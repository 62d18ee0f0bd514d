package com.bellyfed.events.sideeffects;

import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.publishing.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@code ErrorOccurred} to the error bus, at most {@code limit} reports per error code in
 * each window, so that a failure storm becomes a few reports and a count instead of a flood. The
 * suppressed reports are counted ({@code bellyfed.errors.suppressed}) and the next report of the
 * code says how many were suppressed before it.
 */
public final class ErrorReporter {

  private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

  private final EventPublisher publisher;
  private final String service;
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final MeterRegistry registry;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    final AtomicLong startedAt;
    final AtomicInteger reported = new AtomicInteger();
    final AtomicInteger suppressed = new AtomicInteger();

    Window(long startedAt) {
      this.startedAt = new AtomicLong(startedAt);
    }
  }

  public ErrorReporter(EventPublisher publisher, String service, int limit, Duration window, Clock clock, MeterRegistry registry) {
    this.publisher = publisher;
    this.service = service;
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.registry = registry;
  }

  /** Reports an error unless its code already used up this window's reports; never throws. */
  public boolean report(Severity severity, String errorCode, Throwable error, Map<String, String> context, boolean canRetry) {
    Window current = window(errorCode);
    if (current.reported.incrementAndGet() > limit) {
      current.suppressed.incrementAndGet();
      registry.counter("bellyfed.errors.suppressed", "errorCode", errorCode).increment();
      return false;
    }
    Map<String, String> details = new LinkedHashMap<>(context);
    details.put("exception", error.getClass().getName());
    int suppressedBefore = current.suppressed.getAndSet(0);
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

  private Window window(String errorCode) {
    long now = clock.millis();
    Window current = windows.computeIfAbsent(errorCode, code -> new Window(now));
    long started = current.startedAt.get();
    if (now - started >= window.toMillis() && current.startedAt.compareAndSet(started, now)) {
      current.reported.set(0);
    }
    return current;
  }
}
