package com.bellyfed.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ImportServiceTest
class ImportServiceApplicationIntegrationTests {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> response = get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesAnOpenApiDocumentWithEveryImportEndpoint() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
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

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
