package com.bellyfed.analytics.ingest.web;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.Filters;
import com.bellyfed.analytics.ingest.AnalyticsQueries.Bucket;
import com.bellyfed.analytics.ingest.AnalyticsQueries.Summary;
import com.bellyfed.analytics.ingest.AnalyticsQueries;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code /api/analytics}: summaries from the per-minute aggregates, events from the indexes. */
// Admin only (AccessRules): every operation needs an admin's access token.
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

  private final AnalyticsQueries queries;
  private final AnalyticsSettings settings;
  private final Cursors cursors;
  private final Clock clock;

  AnalyticsController(AnalyticsQueries queries, AnalyticsSettings settings, Cursors cursors, Clock clock) {
    this.cursors = cursors;
    this.queries = queries;
    this.settings = settings;
    this.clock = clock;
  }

  @Operation(summary = "Counts, error rate and duration percentiles of one service (and event type) per minute or hour, merged from per-minute sketches")
  @GetMapping("/summary")
  Summary summary(
      @RequestParam(required = false) @Nullable String service,
      @RequestParam(required = false) @Nullable String eventType,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "minute") String bucket) {
    Parameters parameters = new Parameters();
    Filters.requiredName(parameters, "service", service);
    Filters.name(parameters, "eventType", eventType);
    Instant[] range = range(parameters, from, to);
    Bucket width = Bucket.MINUTE;
    try {
      width = Bucket.valueOf(bucket.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      parameters.reject("bucket", "must be minute, hour or day");
    }
    parameters.validate();
    return queries.summary(service, eventType, range[0], range[1], width);
  }

  @Operation(summary = "Stored analytics events of one service (and event type), oldest first, cursor-paged")
  @GetMapping("/events")
  Page<AnalyticsQueries.StoredEvent> events(
      @RequestParam(required = false) @Nullable String service,
      @RequestParam(required = false) @Nullable String eventType,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    Parameters parameters = new Parameters();
    Filters.requiredName(parameters, "service", service);
    Filters.name(parameters, "eventType", eventType);
    Instant[] range = range(parameters, from, to);
    int pageSize = parameters.limit("limit", limit, 50, 500);
    Map<String, AttributeValue> start = service == null ? null : parameters.cursor("cursor", cursor, value -> cursors.decode(value, AnalyticsQueries.listing(service, eventType)));
    parameters.validate();
    return queries.events(service, eventType, range[0], range[1], pageSize, start);
  }

  /** The last hour unless given; to is exclusive. */
  private Instant[] range(Parameters parameters, @Nullable String from, @Nullable String to) {
    Instant end = Filters.instant(parameters, "to", to);
    Instant start = Filters.instant(parameters, "from", from);
    Instant resolvedEnd = end != null ? end : clock.instant().plusSeconds(60);
    Instant resolvedStart = start != null ? start : resolvedEnd.minus(Duration.ofHours(1));
    parameters.range("from", resolvedStart, "to", resolvedEnd, settings.maxRange());
    return new Instant[] {resolvedStart, resolvedEnd};
  }
}
