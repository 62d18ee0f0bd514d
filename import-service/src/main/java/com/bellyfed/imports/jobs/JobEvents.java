package com.bellyfed.imports.jobs;

import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.publishing.EventPublisher;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * What the outside world hears of a job: {@code system.import.*} events on the system bus
 * (progress at most once per {@code progressInterval} per job), the IMPORT analytics event with
 * counts, duration and resource use, and Micrometer meters.
 */
@Component
class JobEvents {

  private final EventPublisher publisher;
  private final AnalyticsRecorder analytics;
  private final MeterRegistry registry;
  private final ImportSettings settings;
  private final Clock clock = Clock.systemUTC();
  private final ConcurrentMap<String, Instant> lastProgress = new ConcurrentHashMap<>();

  JobEvents(EventPublisher publisher, AnalyticsRecorder analytics, MeterRegistry registry, ImportSettings settings) {
    this.publisher = publisher;
    this.analytics = analytics;
    this.registry = registry;
    this.settings = settings;
  }

  void started(String jobId, String type) {
    registry.counter("bellyfed.imports.jobs", "outcome", "started").increment();
    publisher.publish("system.import.started", Map.of("jobId", jobId, "type", type));
  }

  /** Publishes the job's counts unless one went out for it less than {@code progressInterval} ago. */
  void progressed(ImportJob job) {
    Instant now = clock.instant();
    boolean due = lastProgress.compute(job.jobId(), (id, last) ->
        last == null || !now.isBefore(last.plus(settings.progressInterval())) ? now : last) == now;
    if (due) {
      publisher.publish("system.import.progressed", counts(job));
    }
  }

  void chunk(String outcome, int records) {
    registry.counter("bellyfed.imports.chunks", "outcome", outcome).increment();
    registry.counter("bellyfed.imports.records", "outcome", outcome).increment(records);
  }

  void rejected(long records) {
    registry.counter("bellyfed.imports.records", "outcome", "rejected").increment(records);
  }

  /** The job reached a final state: completed, failed or cancelled. */
  void finished(ImportJob job) {
    lastProgress.remove(job.jobId());
    registry.counter("bellyfed.imports.jobs", "outcome", job.state().name().toLowerCase()).increment();
    Map<String, Object> data = counts(job);
    switch (job.state()) {
      case COMPLETED, COMPLETED_WITH_ERRORS -> publisher.publish("system.import.completed", data);
      case FAILED -> {
        data.put("reason", job.failureReason() != null ? job.failureReason() : job.failed() + " records could not be written");
        publisher.publish("system.import.failed", data);
      }
      default -> { }
    }
    Instant end = job.finishedAt() != null ? job.finishedAt() : clock.instant();
    long duration = Duration.between(job.createdAt(), end).toMillis();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Map<String, Object> properties = new LinkedHashMap<>(data);
    properties.put("durationMs", duration);
    properties.put("heapUsedBytes", heap.getUsed());
    properties.put("heapMaxBytes", heap.getMax());
    properties.put("service", "import-service");
    analytics.record(new AnalyticsEvent(
        "IMPORT_ANALYTICS",
        "IMPORT",
        AnalyticsEvent.Category.SYSTEM_EVENT,
        job.state() == JobState.FAILED ? AnalyticsEvent.Status.FAILURE : AnalyticsEvent.Status.SUCCESS,
        duration,
        properties));
  }

  private Map<String, Object> counts(ImportJob job) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", job.jobId());
    data.put("type", job.type());
    data.put("state", job.state().name());
    data.put("received", job.received());
    data.put("rejected", job.rejected());
    data.put("written", job.written());
    data.put("failed", job.failed());
    data.put("skipped", job.skipped());
    data.put("recordsPerSecond", job.recordsPerSecond(clock.instant()));
    return data;
  }
}
