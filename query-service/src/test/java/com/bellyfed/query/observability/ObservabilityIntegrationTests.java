package com.bellyfed.query.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service shares with every other through common-events' observability defaults: JSON log
 * lines that carry the request's correlation and trace ids, meters tagged with the application and
 * the environment, and an HTTP latency histogram with a bucket at the 100 ms p95 target.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends QueryServiceIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";

  @Autowired LoggingSystem logging;

  @Test
  void aRequestsLogLinesAreJsonCarryingItsCorrelationIdAndTheTraceIdOfItsTraceparent(CapturedOutput output) {
    String correlationId = "obs-" + UUID.randomUUID();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    // The dispatcher logs each request it completes at DEBUG, inside the request's scope.
    logging.setLogLevel(DISPATCHER, LogLevel.DEBUG);
    try {
      HttpApi.Answer response =
          get("/api/restaurants/obs-missing", "X-Correlation-Id", correlationId, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
      assertThat(response.status()).isEqualTo(404);
    } finally {
      logging.setLogLevel(DISPATCHER, null);
    }

    List<JsonNode> lines = output.getOut().lines().filter(line -> line.contains(correlationId)).map(ObservabilityIntegrationTests::parse).toList();
    assertThat(lines).as("the request's log lines").isNotEmpty().allSatisfy(line -> {
      assertThat(line.path("correlationId").asString()).isEqualTo(correlationId);
      assertThat(line.path("traceId").asString()).as("the trace continued from the traceparent").isEqualTo(traceId);
      assertThat(line.path("service").path("name").asString()).isEqualTo("query-service");
      assertThat(line.path("@timestamp").isMissingNode()).isFalse();
    });
    assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asString()).contains("Completed 404"));
  }

  @Test
  void aRequestWithoutTraceContextStartsATraceWhoseIdItsLogLinesCarry(CapturedOutput output) {
    String correlationId = "obs-" + UUID.randomUUID();
    logging.setLogLevel(DISPATCHER, LogLevel.DEBUG);
    try {
      assertThat(get("/api/restaurants/obs-missing", "X-Correlation-Id", correlationId).status()).isEqualTo(404);
    } finally {
      logging.setLogLevel(DISPATCHER, null);
    }

    List<JsonNode> lines = output.getOut().lines().filter(line -> line.contains(correlationId)).map(ObservabilityIntegrationTests::parse).toList();
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.path("traceId").asString()).matches("[0-9a-f]{32}"));
    assertThat(lines.stream().map(line -> line.path("traceId").asString()).distinct()).as("one trace").hasSize(1);
  }

  @Test
  void metersCarryTheApplicationAndEnvironmentAndRequestLatencyHasABucketAt100Milliseconds() {
    assertThat(get("/api/restaurants/obs-missing").status()).isEqualTo(404);

    String scrape = management("/actuator/prometheus").body();

    assertThat(scrape).containsPattern(
        "http_server_requests_seconds_bucket\\{application=\"query-service\",environment=\"dev\",[^}]*uri=\"/api/restaurants/\\{id}\",le=\"0\\.1\"}");
    assertThat(scrape.lines().filter(line -> line.startsWith("bellyfed_events_published_total")))
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("application=\"query-service\"", "environment=\"dev\""));
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception notJson) {
      throw new AssertionError("A log line that is not JSON: " + line, notJson);
    }
  }
}
