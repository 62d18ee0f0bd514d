package com.bellyfed.analytics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.ingest.AnalyticsIngest;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cloudwatch.MetricDatum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a CloudWatch namespace configured, the service's meters reach CloudWatch (local-aws's, over the SDK's
* own protocol) under their Micrometer names (a counter as {@code <name>.count}, a timer as {@code .count},
 * {@code .sum}, {@code .max}, a gauge as {@code .value}) with every tag as a dimension: the contract the CloudWatch
 * alarms of deploy/cloudformation name: each meter an alarm on the services' metrics watches, with exactly the
 * alarm's dimensions (the error-rate alarm's five, a consumer's lag by consumer, a dead-letter queue's depth by queue
 * and flow).
 */
@AnalyticsIntegrationTest
class CloudWatchExportIntegrationTests {

  /** The namespace {@link AnalyticsIntegrationTest} configures, with a step of one second. */
  static final String NAMESPACE = "Bellyfed/dev";

  /** Micrometer's CloudWatch registry names a counter's datum after the meter with {@code .count}. */
  static final String INGESTED = "bellyfed.analytics.events.ingested.count";

  @Autowired Topology topology;

  @Test
  void theIngestedCounterReachesCloudWatchWithTheDimensionsTheErrorRateAlarmNames(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant now = Instant.now();
    AnalyticsFixtures.publishAnalytics(localAws, topology, List.of(
        AnalyticsFixtures.analyticsEvent(service, Category.QUERY, Status.FAILURE, 12, now),
        AnalyticsFixtures.analyticsEvent(service, Category.QUERY, Status.SUCCESS, 15, now)));

    Map<String, String> failures = Map.of(
        "application", "analytics-service", "category", "QUERY", "environment", "dev", "service", service, "status", "FAILURE");
    // Each step sends the count of that step (0 for a step without any), so the sum over the steps is the total.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(localAws.cloudWatch().received(NAMESPACE))
        .filteredOn(datum -> datum.metricName().equals(INGESTED) && datum.dimensions().equals(failures))
        .as("the one FAILURE event, counted once over the steps")
        .extracting(MetricDatum::value)
        .isNotEmpty()
        .satisfies(values -> assertThat(values.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(1.0)));
    // The meters the event-loss alarms name, with the common tags as their only dimensions.
    Map<String, String> commonTags = Map.of("application", "analytics-service", "environment", "dev");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(localAws.cloudWatch().received(NAMESPACE))
        .filteredOn(datum -> datum.dimensions().equals(commonTags))
        .extracting(MetricDatum::metricName)
        .contains("bellyfed.events.dropped.count", "bellyfed.outbox.failed.rows.value", "bellyfed.outbox.oldest.age.value",
            // AnalyticsEventsDropped; the processing delay's timer (its max once it recorded); ServiceNotScraped's sign of life.
            "bellyfed.analytics.dropped.count", "bellyfed.analytics.processing.delay.max", "process.uptime.value"));
    // ProcessingDelayOver5Minutes: the consumer's lag, its max in milliseconds, with the consumer as a dimension.
    Map<String, String> consumer = Map.of("application", "analytics-service", "consumer", AnalyticsIngest.CONSUMER, "environment", "dev");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(localAws.cloudWatch().received(NAMESPACE))
        .filteredOn(datum -> datum.metricName().equals("bellyfed.events.consumer.lag.max") && datum.dimensions().equals(consumer))
        .isNotEmpty());
    // DeadLetterGaugesAbsent: each dead-letter queue's depth, by its queue and flow.
    QueueDefinition deadLetters = topology.queues().stream().filter(QueueDefinition::deadLetter).findFirst().orElseThrow();
    Map<String, String> depth = Map.of(
        "application", "analytics-service", "environment", "dev", "flow", deadLetters.flow(), "queue", deadLetters.name());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(localAws.cloudWatch().received(NAMESPACE))
        .filteredOn(datum -> datum.metricName().equals("bellyfed.dlq.messages.value") && datum.dimensions().equals(depth))
        .isNotEmpty());
  }
}
