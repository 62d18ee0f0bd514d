package com.bellyfed.analytics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard and the alert rules name only metrics the service really emits. */
@AnalyticsIntegrationTest
class MonitoringIntegrationTests {

  /** Prometheus scrapes actuator's own port, without a token (the deployment keeps that port private). */
  @LocalManagementPort int managementPort;
  @LocalServerPort int port;
  @Autowired Topology topology;

  @Test
  void theDashboardAndTheAlertRulesNameOnlyMetricsTheServiceEmits(LocalAws localAws) throws Exception {
    Path root = MonitoringFiles.root();
    Set<String> ruleMetrics = MonitoringFiles.metricsIn(MonitoringFiles.ruleExpressions(root.resolve("prometheus/bellyfed-alerts.yml")));
    Set<String> dashboardMetrics = MonitoringFiles.metricsIn(MonitoringFiles.dashboardExpressions(root.resolve("grafana/bellyfed-event-flows.json")));
    assertThat(dashboardMetrics).as("the dashboard queries the flows' and the HTTP metrics")
        .hasSizeGreaterThanOrEqualTo(8).contains("http_server_requests_seconds_bucket");
    assertThat(ruleMetrics).as("the rules' metrics").contains("up", "bellyfed_events_dropped_total", "bellyfed_queue_oldest_age_seconds");
    Set<String> named = new TreeSet<>(ruleMetrics);
    named.addAll(dashboardMetrics);
    // Prometheus writes up itself for every scrape target; no service emits it.
    named.remove("up");

    // Traffic on every flow, so that meters registered on first use exist.
    String service = AnalyticsFixtures.uniqueService();
    EventEnvelope failure = AnalyticsFixtures.analyticsEvent(service, Category.QUERY, Status.FAILURE, 30, Instant.now());
    EventEnvelope error = AnalyticsFixtures.errorOccurred(service, Severity.LOW, "MONITORING_TEST", UUID.randomUUID().toString());
    localAws.eventBridge().putEvents(request -> request.entries(
        entry -> entry.eventBusName(topology.bus("analytics").name()).source(failure.source()).detailType("RestaurantQueryAnalytics")
            .detail(AnalyticsFixtures.JSON.write(failure)),
        entry -> entry.eventBusName(topology.bus("error").name()).source("bellyfed.system").detailType("ErrorOccurred")
            .detail(AnalyticsFixtures.JSON.write(error))));
    String analyticsQueue = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue("analytics").name())).queueUrl();
    localAws.sqs().sendMessage(request -> request.queueUrl(analyticsQueue).messageBody(AnalyticsFixtures.eventBridgeEvent(failure, "RestaurantQueryAnalytics")));
    EventEnvelope malformed = AnalyticsFixtures.envelope("RESTAURANT_QUERY_ANALYTICS", "bellyfed.analytics", Instant.now(),
        UUID.randomUUID().toString(), null, 0, AnalyticsFixtures.data("action", "EXECUTE"));
    localAws.sqs().sendMessage(request -> request.queueUrl(analyticsQueue).messageBody(AnalyticsFixtures.eventBridgeEvent(malformed, "RestaurantQueryAnalytics")));

    // And a request on the service's port (unsigned: answered 401, and observed all the same), so that
    // http.server.requests exists even when this class runs first in its JVM.
    assertThat(new HttpApi(port).get("/api/events").status()).isEqualTo(401);

    HttpApi http = new HttpApi(managementPort);
    Set<String> emitted = new HashSet<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      emitted.clear();
      http.get("/actuator/prometheus").body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("[{ ]", 2)[0]).forEach(emitted::add);
      assertThat(emitted).containsAll(named);
    });
  }
}
