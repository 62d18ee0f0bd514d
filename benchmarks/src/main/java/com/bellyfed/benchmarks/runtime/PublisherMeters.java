package com.bellyfed.benchmarks.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * What an EventBridgePublisher's own meters say about a phase (its registry is private to the phase).
 *
 * @param putEventsCalls PutEvents calls, the count of {@code bellyfed.events.batch.size}
 * @param meanBatchSize entries per call, the mean of {@code bellyfed.events.batch.size}
 * @param maxBatchSize the largest batch
 * @param meanCallMillis the mean of {@code bellyfed.events.publish.latency}, the PutEvents calls
 * @param maxCallMillis the slowest PutEvents call
 * @param published events EventBridge accepted
 * @param failedAttempts attempts that failed and were retried or spilled
 * @param spilled events handed to the outbox
 * @param dropped events lost because the spill failed too
 */
public record PublisherMeters(
    long putEventsCalls,
    double meanBatchSize,
    double maxBatchSize,
    double meanCallMillis,
    double maxCallMillis,
    long published,
    long failedAttempts,
    long spilled,
    long dropped) {

  static PublisherMeters of(MeterRegistry registry) {
    DistributionSummary batches = registry.find("bellyfed.events.batch.size").summary();
    Timer calls = registry.find("bellyfed.events.publish.latency").timer();
    return new PublisherMeters(
        batches == null ? 0 : batches.count(),
        batches == null || batches.count() == 0 ? Double.NaN : batches.mean(),
        batches == null || batches.count() == 0 ? Double.NaN : batches.max(),
        calls == null || calls.count() == 0 ? Double.NaN : calls.mean(TimeUnit.MILLISECONDS),
        calls == null || calls.count() == 0 ? Double.NaN : calls.max(TimeUnit.MILLISECONDS),
        count(registry, "bellyfed.events.published"),
        count(registry, "bellyfed.events.publish.failures"),
        count(registry, "bellyfed.events.spilled"),
        count(registry, "bellyfed.events.dropped"));
  }

  static long count(MeterRegistry registry, String name) {
    Counter counter = registry.find(name).counter();
    return counter == null ? 0 : (long) counter.count();
  }
}
