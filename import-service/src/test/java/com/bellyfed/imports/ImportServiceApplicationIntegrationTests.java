package com.bellyfed.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ImportServiceTest
class ImportServiceApplicationIntegrationTests {

  @LocalServerPort int port;

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpApi.Answer response = get(path);

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
    get("/actuator/health");

    String scrape = get("/actuator/prometheus").body();

    assertThat(scrape).containsPattern(
        "http_server_requests_seconds_bucket\\{application=\"import-service\",environment=\"dev\",[^}]*le=\"0\\.1\"}");
    assertThat(scrape).containsPattern("bellyfed_queue_oldest_age_seconds\\{application=\"import-service\",environment=\"dev\",queue=\"[^\"]+\"}");
  }

  private HttpApi.Answer get(String path) {
    return new HttpApi(port).get(path);
  }
}
