package com.bellyfed.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@ImportServiceTest
class ImportServiceApplicationIntegrationTests {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpApi.Answer response = new HttpApi(managementPort).get(path);

      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesAnOpenApiDocumentWithEveryImportEndpoint() throws Exception {
    HttpApi.Answer response = get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"/api/imports\"", "\"/api/imports/{jobId}\"", "\"/api/imports/{jobId}/progress\"")
        .contains("application/x-ndjson", "text/csv", "text/event-stream");
  }

  @Test
  void tagsItsMetersHistogramsItsRequestsAndReportsTheAgeOfTheQueueItConsumes() throws Exception {
    get("/api/imports");

    // On actuator's own port, which the deployment keeps private: Prometheus scrapes it without a token.
    String scrape = new HttpApi(managementPort).get("/actuator/prometheus").body();

    assertThat(scrape).containsPattern(
        "http_server_requests_seconds_bucket\\{application=\"import-service\",environment=\"dev\",[^}]*le=\"0\\.1\"}");
    assertThat(scrape).containsPattern("bellyfed_queue_oldest_age_seconds\\{application=\"import-service\",environment=\"dev\",queue=\"[^\"]+\"}");
  }

  @Test
  void keepsActuatorOffTheServicePort() {
    // The service port has no actuator of its own any more: nothing there but a refusal.
    assertThat(get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(get("/actuator/health").status()).isEqualTo(404);
  }

  private HttpApi.Answer get(String path) {
    return new HttpApi(port).get(path);
  }
}
