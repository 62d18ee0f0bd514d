package com.bellyfed.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.write.support.Api;
import com.bellyfed.write.support.Api.Answer;
import com.bellyfed.write.support.WriteServiceTest;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@WriteServiceTest
class WriteServiceApplicationIntegrationTests {

  @LocalServerPort int port;

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() {
    Api api = new Api(port);
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      Answer answer = api.get(path);

      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesItsOpenApiDocumentWithEveryEndpoint() {
    Answer answer = new Api(port).get("/v3/api-docs");

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
  }

  @Test
  void exposesItsMetersToPrometheus() {
    Answer answer = new Api(port).get("/actuator/prometheus");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("bellyfed_write_commit_seconds");
  }

  @Test
  void tagsItsMetersHistogramsItsRequestsAndReportsTheAgeOfTheQueuesItConsumes() {
    Api api = new Api(port);
    api.get("/actuator/health");

    String scrape = api.get("/actuator/prometheus").body();

    assertThat(scrape).containsPattern(
        "http_server_requests_seconds_bucket\\{application=\"write-service\",environment=\"dev\",[^}]*le=\"0\\.1\"}");
    assertThat(scrape).contains(
        "bellyfed_queue_oldest_age_seconds{application=\"write-service\",environment=\"dev\",queue=\"dev-rating-queue\"}",
        "bellyfed_queue_oldest_age_seconds{application=\"write-service\",environment=\"dev\",queue=\"dev-user-signup-queue\"}");
  }
}
