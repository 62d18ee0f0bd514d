package com.bellyfed.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AnalyticsIntegrationTest
class AnalyticsServiceApplicationIntegrationTests {

  @LocalServerPort int port;

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() {
    HttpApi http = new HttpApi(port);
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpApi.Answer response = http.get(path);

      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesAnOpenApiDocumentNamingEveryEndpoint() {
    HttpApi.Answer response = new HttpApi(port).get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("paths").propertyNames()).contains(
        "/api/analytics/summary", "/api/analytics/events", "/api/errors", "/api/events", "/api/replays", "/api/replays/{jobId}",
        "/api/replays/{jobId}/cancel", "/api/dlqs", "/api/dlqs/{name}/messages", "/api/dlqs/{name}/redrive",
        "/api/dlqs/{name}/messages/{messageId}");
  }
}
