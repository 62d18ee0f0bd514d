package com.bellyfed.events.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The publisher's meters: published, failed attempts, spilled, dropped, batch size and PutEvents latency. */
final class PublisherMetrics {

  final Counter published;
  final Counter failedAttempts;
  final Counter spilled;
  final Counter dropped;
  final DistributionSummary batchSize;
  final Timer putEventsLatency;

  PublisherMetrics(MeterRegistry registry) {
    published = Counter.builder("bellyfed.events.published").description("Events EventBridge accepted").register(registry);
    failedAttempts =
        Counter.builder("bellyfed.events.publish.failures").description("Failed attempts to publish an event").register(registry);
    spilled = Counter.builder("bellyfed.events.spilled").description("Events handed to the outbox after retries or an open circuit").register(registry);
    dropped = Counter.builder("bellyfed.events.dropped").description("Events lost because the outbox spill failed too").register(registry);
    batchSize = DistributionSummary.builder("bellyfed.events.batch.size").description("Entries per PutEvents call").register(registry);
    putEventsLatency = Timer.builder("bellyfed.events.publish.latency").description("Duration of PutEvents calls").register(registry);
  }
}
