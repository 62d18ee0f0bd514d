package com.bellyfed.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class QueryServiceApplicationIntegrationTests extends QueryServiceIntegrationTest {

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> response = get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesAnOpenApiDocumentListingEveryEndpoint() {
    HttpResponse<String> response = get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("paths").fieldNames())
        .toIterable()
        .contains(
            "/api/restaurants",
            "/api/restaurants/{id}",
            "/api/restaurants/{id}/reviews",
            "/api/users/{id}/profile",
            "/api/users/{id}/reviews");
  }

  @Test
  void answersAnUnknownPathWithA404Problem() {
    HttpResponse<String> response = get("/api/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }
}
