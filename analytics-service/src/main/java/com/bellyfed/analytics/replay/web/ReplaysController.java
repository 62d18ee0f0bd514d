package com.bellyfed.analytics.replay.web;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.Filters;
import com.bellyfed.analytics.replay.ReplayJobs;
import com.bellyfed.analytics.replay.ReplayJobs.ReplayJob;
import com.bellyfed.analytics.replay.ReplayJobs.ReplayRequest;
import com.bellyfed.kit.problem.ConflictException;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/replays}: ordered re-publication of archived events. */
// Admin only (AccessRules): every operation needs an admin's access token.
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/replays")
class ReplaysController {

  private final ReplayJobs jobs;
  private final AnalyticsSettings settings;

  ReplaysController(ReplayJobs jobs, AnalyticsSettings settings) {
    this.jobs = jobs;
    this.settings = settings;
  }

  /** A replay request as posted; from and to are ISO-8601 instants, to exclusive. */
  record ReplayBody(
      @Nullable String from, @Nullable String to, @Nullable List<String> eventTypes, @Nullable List<String> sources,
      @Nullable String targetBus, @Nullable Integer ratePerSecond) {}

  @Operation(summary = "Start a replay of the archived events of a window, in their original order, at a bounded rate",
      description = "Each matching event is published again, to its own bus or to targetBus, with its original eventId, timestamp,"
          + " correlation and causation ids and sequence number, marked metadata.replayed = \"true\", replayJobId and"
          + " replaySequence; the archive does not store the copies, and consumers deduplicate them by eventId. A replayed"
          + " analytics event restores its row in analytics-events when that row is missing (restoredBy names the job) and never"
          + " adds to the per-minute aggregates, which counted its live delivery.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ReplayJob> start(@RequestBody ReplayBody body) {
    Parameters parameters = new Parameters();
    // Each field once: an instant is parsed only when its text passed (a 10,000-digit one is named once, not twice).
    Instant from = parameters.required("from", body.from(), 200) == null ? null : Filters.instant(parameters, "from", body.from());
    Instant to = parameters.required("to", body.to(), 200) == null ? null : Filters.instant(parameters, "to", body.to());
    parameters.range("from", from, "to", to, settings.maxRange());
    Set<String> types = strings(parameters, "eventTypes", body.eventTypes());
    Set<String> sources = strings(parameters, "sources", body.sources());
    int rate = body.ratePerSecond() == null ? jobs.defaultRate() : body.ratePerSecond();
    if (rate < 1 || rate > jobs.maxRate()) {
      parameters.reject("ratePerSecond", "must be between 1 and " + jobs.maxRate());
    }
    String bus = body.targetBus();
    // The name is checked before EventBridge is asked, which answers a malformed one with a ValidationException.
    if (bus != null && !Filters.busName(bus)) {
      parameters.reject("targetBus", "must be an event bus name: 1 to 256 letters, digits or / . - _");
    } else if (bus != null && !jobs.busExists(bus)) {
      parameters.reject("targetBus", "no such event bus");
    }
    parameters.validate();
    ReplayJob job = jobs.start(new ReplayRequest(from, to, types, sources, body.targetBus(), rate));
    return ResponseEntity.accepted().location(URI.create("/api/replays/" + job.jobId())).body(job);
  }

  @Operation(summary = "A replay job's state and progress",
      description = "status RUNNING, COMPLETED, CANCELLED or FAILED; owner and leaseExpiresAt name the instance running it. A job"
          + " whose instance died stays RUNNING and is taken over by another instance once its lease has run out, resuming after"
          + " its last checkpoint (the events published after it go out again, with their ids).")
  @GetMapping("/{jobId}")
  ReplayJob find(@PathVariable String jobId) {
    requireJobId(jobId);
    return jobs.find(jobId).orElseThrow(() -> new NotFoundException("No replay job " + jobId));
  }

  @Operation(summary = "Cancel a running replay job, through any instance",
      description = "The instance running it stops at its next checkpoint (about a second). 409 when the job is not running.")
  @PostMapping("/{jobId}/cancel")
  ReplayJob cancel(@PathVariable String jobId) {
    requireJobId(jobId);
    boolean cancelled = jobs.cancel(jobId).orElseThrow(() -> new NotFoundException("No replay job " + jobId));
    if (!cancelled) {
      throw new ConflictException("Replay job " + jobId + " is not running");
    }
    return jobs.find(jobId).orElseThrow();
  }

  private static Set<String> strings(Parameters parameters, String field, @Nullable List<String> values) {
    if (values == null) {
      return Set.of();
    }
    if (values.size() > 50) {
      parameters.reject(field, "at most 50 values");
    }
    if (values.stream().anyMatch(value -> value == null || !Filters.isName(value))) {
      parameters.reject(field, "values must be 1 to 128 letters, digits or . _ : -");
      return Set.of();
    }
    return new LinkedHashSet<>(values);
  }

  /** Job ids are UUIDs; anything else is refused before DynamoDB is asked (whose key limits would answer a 500). */
  private static void requireJobId(String jobId) {
    Parameters parameters = new Parameters();
    Filters.requiredName(parameters, "jobId", jobId);
    parameters.validate();
  }
}
