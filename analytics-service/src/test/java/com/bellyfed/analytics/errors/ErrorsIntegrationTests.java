package com.bellyfed.analytics.errors;

import static com.bellyfed.analytics.AnalyticsFixtures.errorOccurred;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.Http;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

@AnalyticsIntegrationTest
class ErrorsIntegrationTests {

  @LocalServerPort int port;
  @Autowired Topology topology;

  @Test
  void storesErrorsFromTheErrorBusByServiceAndSeverityWithTheirCorrelationId(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    String correlationId = UUID.randomUUID().toString();
    List<EventEnvelope> errors = List.of(
        errorOccurred(service, Severity.HIGH, "DYNAMODB_UNAVAILABLE", correlationId),
        errorOccurred(service, Severity.HIGH, "DYNAMODB_UNAVAILABLE", correlationId),
        errorOccurred(service, Severity.LOW, "SLOW_QUERY", correlationId));
    String bus = topology.bus("error").name();
    localAws.eventBridge().putEvents(request -> request.entries(errors.stream().map(error -> PutEventsRequestEntry.builder()
        .eventBusName(bus).source("bellyfed.system").detailType("ErrorOccurred").detail(AnalyticsFixtures.JSON.write(error)).build()).toList()));

    Http http = new Http(port);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/errors?service=" + service).json().path("errors").size() == 3);

    JsonNode page = http.get("/api/errors?service=" + service).json();
    assertThat(page.path("bySeverity").path("HIGH").asLong()).isEqualTo(2);
    assertThat(page.path("byCode").path("SLOW_QUERY").asLong()).isEqualTo(1);
    assertThat(page.path("errors").findValuesAsText("correlationId")).containsOnly(correlationId);
    assertThat(page.path("errors").get(0).path("context").path("table").asText()).isEqualTo("reviews");
    JsonNode low = http.get("/api/errors?service=" + service + "&severity=low").json();
    assertThat(low.path("errors").findValuesAsText("errorCode")).containsExactly("SLOW_QUERY");
    JsonNode bySeverity = http.get("/api/errors?severity=HIGH&limit=500").json();
    assertThat(bySeverity.path("errors").findValuesAsText("eventId")).contains(errors.get(0).eventId(), errors.get(1).eventId());
  }

  @Test
  void refusesAQueryWithoutServiceOrSeverityAndAnUnknownSeverity() {
    Http http = new Http(port);

    Http.Response none = http.get("/api/errors");
    Http.Response unknown = http.get("/api/errors?severity=APOCALYPTIC&from=never");

    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().path("errors").findValuesAsText("field")).containsExactly("service");
    assertThat(unknown.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("severity", "from");
  }
}
