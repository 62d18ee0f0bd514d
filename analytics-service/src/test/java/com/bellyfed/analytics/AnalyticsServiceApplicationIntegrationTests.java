package com.bellyfed.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AnalyticsIntegrationTest
class AnalyticsServiceApplicationIntegrationTests {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpointsOfItsManagementPort() {
    assertThat(managementPort).isPositive().isNotEqualTo(port);
    HttpApi http = new HttpApi(managementPort);
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpApi.Answer response = http.get(path);

      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesNoActuatorEndpointOnTheServicePort() {
    HttpApi http = new HttpApi(port);
    for (String path : new String[] {"/actuator/prometheus", "/actuator/circuitbreakers", "/actuator/info"}) {
      HttpApi.Answer response = http.get(path);

      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.contentType()).as(path).startsWith("application/problem+json");
      assertThat(response.body()).as(path).doesNotContain("bellyfed_", "circuitBreakers");
    }
  }

  @Test
  void servesAnOpenApiDocumentNamingEveryEndpointWithoutAToken() {
    HttpApi.Answer response = new HttpApi(port).get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("paths").propertyNames()).contains(
        "/api/analytics/summary", "/api/analytics/events", "/api/errors", "/api/events", "/api/replays", "/api/replays/{jobId}",
        "/api/replays/{jobId}/cancel", "/api/dlqs", "/api/dlqs/{name}/messages", "/api/dlqs/{name}/redrive",
        "/api/dlqs/{name}/messages/{messageId}");
  }

  @Test
  void theDocumentDeclaresTheBearerSchemeOnEveryOperation() {
    JsonNode document = new HttpApi(port).get("/v3/api-docs").json();

    assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
    int operations = 0;
    for (JsonNode path : document.path("paths")) {
      for (JsonNode operation : path) {
        assertThat(operation.path("security").findValues("bearer")).as(operation.path("summary").asString()).hasSize(1);
        operations++;
      }
    }
    assertThat(operations).isEqualTo(11);
  }
}
