package com.bellyfed.analytics.errors.web;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.errors.ErrorStore;
import com.bellyfed.analytics.web.RequestParameters;
import com.bellyfed.events.catalog.ErrorOccurred;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code /api/errors}: errors reported on the error bus, newest first. */
@RestController
@RequestMapping("/api/errors")
class ErrorsController {

  private final ErrorStore errors;
  private final AnalyticsSettings settings;
  private final Clock clock;

  ErrorsController(ErrorStore errors, AnalyticsSettings settings, Clock clock) {
    this.errors = errors;
    this.settings = settings;
    this.clock = clock;
  }

  @Operation(summary = "Errors of a service and/or of a severity in a time range (the last 24 hours by default), newest first")
  @GetMapping
  ErrorStore.ErrorPage find(
      @RequestParam(required = false) @Nullable String service,
      @RequestParam(required = false) @Nullable String severity,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    RequestParameters parameters = new RequestParameters();
    String level = null;
    if (severity != null) {
      try {
        level = ErrorOccurred.Severity.valueOf(severity.toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        parameters.reject("severity", "must be one of " + Arrays.toString(ErrorOccurred.Severity.values()));
      }
    }
    if ((service == null || service.isBlank()) && severity == null) {
      parameters.reject("service", "service or severity is required");
    }
    Instant end = parameters.instant("to", to);
    Instant start = parameters.instant("from", from);
    Instant resolvedEnd = end != null ? end : clock.instant().plusSeconds(60);
    Instant resolvedStart = start != null ? start : resolvedEnd.minus(Duration.ofDays(1));
    parameters.range(resolvedStart, resolvedEnd, settings.maxRange());
    int pageSize = parameters.limit(limit, 50, 500);
    Map<String, AttributeValue> startKey = parameters.cursor(cursor);
    parameters.check();
    return errors.find(service == null || service.isBlank() ? null : service, level, resolvedStart, resolvedEnd, pageSize, startKey);
  }
}
