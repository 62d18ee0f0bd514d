package com.bellyfed.events.sideeffects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.EventTap;
import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventBridgePublisher;
import com.bellyfed.events.publishing.PublisherSettings;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalAwsTest
class SideEffectsIntegrationTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private EventBridgePublisher publisher;

  @BeforeEach
  void publisher(LocalAws localAws) {
    publisher = new EventBridgePublisher(
        RuntimeFixtures.factory(),
        RuntimeFixtures.sender(localAws, RuntimeFixtures.quickBreaker(), localAws.topology()),
        RuntimeFixtures.privateOutbox(localAws),
        PublisherSettings.defaults(),
        registry);
  }

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void recordsTheAnalyticsEventOfARequestInTheBackgroundWithItsCorrelationIdAndActor(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("analytics").name(), correlationId);
        AnalyticsRecorder recorder = new AnalyticsRecorder(publisher, 1_000, registry)) {
      AnalyticsEvent query = new AnalyticsEvent("RESTAURANT_QUERY_ANALYTICS", "EXECUTE", AnalyticsEvent.Category.QUERY,
          AnalyticsEvent.Status.SUCCESS, 12, Map.of("service", "query-service", "resultCount", 20));

      Correlation.with(correlationId, null, "sub-of-the-caller", () -> recorder.record(query));

      EventEnvelope recorded = tap.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(recorded.eventType()).isEqualTo("RESTAURANT_QUERY_ANALYTICS");
      // Published on the recorder's thread, for the user of the request that recorded it.
      assertThat(recorded.actor()).isEqualTo("sub-of-the-caller");
      assertThat(recorded.data().path("eventCategory").asString("")).isEqualTo("QUERY");
      assertThat(recorded.data().path("properties").path("resultCount").asInt()).isEqualTo(20);
    }
  }

  @Test
  void reportsAnErrorStormAsAFewReportsAndACount(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    limiters.rateLimiter(ErrorReporter.LIMITER,
        RateLimiterConfig.custom().limitForPeriod(3).limitRefreshPeriod(Duration.ofSeconds(3)).timeoutDuration(Duration.ZERO).build());
    ErrorReporter reporter = new ErrorReporter(publisher, "write-service", limiters, registry);

    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("error").name(), correlationId)) {
      Correlation.with(correlationId, null, () -> {
        for (int i = 0; i < 20; i++) {
          reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("down " + i), Map.of("table", "users"), true);
        }
      });
      // The next period of the code's limiter (in production a minute, resilience4j.ratelimiter.instances.errors).
      await().atMost(Duration.ofSeconds(10))
          .until(() -> reporter.limiter("DYNAMODB_UNAVAILABLE").getMetrics().getAvailablePermissions() > 0);
      Correlation.with(correlationId, null,
          () -> reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("still down"), Map.of(), true));

      List<EventEnvelope> reports = tap.await(4, Duration.ofSeconds(10));
      reports.addAll(tap.more());
      assertThat(reports).hasSize(4);
      assertThat(reports).allSatisfy(report -> {
        assertThat(report.eventType()).isEqualTo("system.error.occurred");
        assertThat(report.data().path("errorCode").asString("")).isEqualTo("DYNAMODB_UNAVAILABLE");
        assertThat(report.data().path("service").asString("")).isEqualTo("write-service");
      });
      assertThat(reports).anySatisfy(report ->
          assertThat(report.data().path("context").path("suppressedBefore").asString("")).isEqualTo("17"));
      assertThat(registry.get("bellyfed.errors.suppressed").counter().count()).isEqualTo(17);
    }
  }
}
