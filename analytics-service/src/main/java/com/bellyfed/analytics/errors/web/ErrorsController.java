package com.bellyfed.analytics.errors.web;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.Filters;
import com.bellyfed.analytics.errors.ErrorStore;
import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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
// Admin only (AccessRules): every operation needs an admin's access token.
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/errors")
class ErrorsController {

  private final ErrorStore errors;
  private final AnalyticsSettings settings;
  private final Cursors cursors;
  private final Clock clock;

  ErrorsController(ErrorStore errors, AnalyticsSettings settings, Cursors cursors, Clock clock) {
    this.cursors = cursors;
    this.errors = errors;
    this.settings = settings;
    this.clock = clock;
  }

  @Operation(
      summary = "Errors in a time range (the last 24 hours by default), newest first: of a service, of a severity, of both, or all",
      description = "Without service and severity, every severity's partition of the severity index is queried and the results"
          + " merged newest first (ties on the instant broken by event id); the cursor then carries each partition's position"
          + " and is signed, so an edited one is answered 400.")
  @GetMapping
  Page<ErrorStore.StoredError> find(
      @Parameter(description = "the reporting service; optional") @RequestParam(required = false) @Nullable String service,
      @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL (any case); optional") @RequestParam(required = false) @Nullable String severity,
      @Parameter(description = "ISO-8601 instant, inclusive; default: 24 hours before to") @RequestParam(required = false) @Nullable String from,
      @Parameter(description = "ISO-8601 instant, exclusive; default: a minute from now") @RequestParam(required = false) @Nullable String to,
      @Parameter(description = "1-500, default 50") @RequestParam(required = false) @Nullable Integer limit,
      @Parameter(description = "nextCursor of the previous page of the same query") @RequestParam(required = false) @Nullable String cursor) {
    Parameters parameters = new Parameters();
    String level = null;
    if (severity != null) {
      try {
        level = ErrorOccurred.Severity.valueOf(severity.toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        parameters.reject("severity", "must be one of " + Arrays.toString(ErrorOccurred.Severity.values()));
      }
    }
    // A blank service is no filter, as before names were checked.
    String serviceName = service == null || service.isBlank() ? null : Filters.name(parameters, "service", service);
    Instant end = Filters.instant(parameters, "to", to);
    Instant start = Filters.instant(parameters, "from", from);
    Instant resolvedEnd = end != null ? end : clock.instant().plusSeconds(60);
    Instant resolvedStart = start != null ? start : resolvedEnd.minus(Duration.ofDays(1));
    parameters.range("from", resolvedStart, "to", resolvedEnd, settings.maxRange());
    int pageSize = parameters.limit("limit", limit, 50, 500);
    if (serviceName == null && severity == null) {
      Map<String, Map<String, AttributeValue>> positions =
          parameters.cursor("cursor", cursor, value -> cursors.decodeMerged(value, ErrorStore.MERGED_LISTING, ErrorStore.SEVERITIES));
      parameters.validate();
      return errors.findAll(resolvedStart, resolvedEnd, pageSize, positions);
    }
    String listing = ErrorStore.listing(serviceName, level);
    Map<String, AttributeValue> startKey = parameters.cursor("cursor", cursor, value -> cursors.decode(value, listing));
    parameters.validate();
    return errors.find(serviceName, level, resolvedStart, resolvedEnd, pageSize, startKey);
  }
}
