package com.bellyfed.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.write.support.WriteServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WriteServiceTest
class WriteServiceApplicationIntegrationTests {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpointsOfTheManagementPort() {
    HttpApi api = new HttpApi(managementPort);
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      Answer answer = api.get(path);

      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesItsOpenApiDocumentWithEveryEndpoint() {
    Answer answer = new HttpApi(port).get("/v3/api-docs");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode paths = answer.json().path("paths");
    assertThat(paths.path("/api/users/{userId}/profile").has("put")).isTrue();
    assertThat(paths.path("/api/users/{userId}/preferences").has("put")).isTrue();
    assertThat(paths.path("/api/restaurants").has("post")).isTrue();
    assertThat(paths.path("/api/restaurants/{restaurantId}").has("put")).isTrue();
    assertThat(paths.path("/api/restaurants/{restaurantId}").has("delete")).isTrue();
    assertThat(paths.path("/api/restaurants/{restaurantId}/reviews").has("post")).isTrue();
    assertThat(paths.path("/api/reviews/{reviewId}").has("delete")).isTrue();
    assertThat(answer.body()).contains("Idempotency-Key", "If-Match");
    // Every operation writes, so every one names the bearer scheme; the author comes from the token, not the body.
    for (JsonNode path : paths) {
      for (JsonNode operation : path) {
        assertThat(operation.path("security").findValues("bearer")).as(operation.path("operationId").asString()).hasSize(1);
      }
    }
    assertThat(answer.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
    assertThat(paths.path("/api/users/{userId}/profile").path("put").path("parameters").findValuesAsString("name")).doesNotContain("actor");
    assertThat(answer.json().path("components").path("schemas").path("ReviewRequest").path("properties").has("userId")).isFalse();
  }

  @Test
  void exposesItsMetersToPrometheusOnTheManagementPortOnly() {
    Answer answer = new HttpApi(managementPort).get("/actuator/prometheus");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("bellyfed_write_commit_seconds");
    assertThat(managementPort).isNotEqualTo(port);
    // The service's port serves no actuator: without a token nothing there is public but what a rule names.
    assertThat(new HttpApi(port).get("/actuator/prometheus").status()).isEqualTo(401);
  }

  @Test
  void tagsItsMetersHistogramsItsRequestsAndReportsTheAgeOfTheQueuesItConsumes() {
    HttpApi api = new HttpApi(managementPort);
    new HttpApi(port).get("/v3/api-docs");

    String scrape = api.get("/actuator/prometheus").body();

    assertThat(scrape).containsPattern(
        "http_server_requests_seconds_bucket\\{application=\"write-service\",environment=\"dev\",[^}]*le=\"0\\.1\"}");
    assertThat(scrape).contains(
        "bellyfed_queue_oldest_age_seconds{application=\"write-service\",environment=\"dev\",queue=\"dev-rating-queue\"}",
        "bellyfed_queue_oldest_age_seconds{application=\"write-service\",environment=\"dev\",queue=\"dev-user-signup-queue\"}");
  }
}
