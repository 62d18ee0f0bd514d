package com.bellyfed.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import org.junit.jupiter.api.Test;

class QueryServiceApplicationIntegrationTests extends QueryServiceIntegrationTest {

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpApi.Answer response = get(path);

      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesAnOpenApiDocumentListingEveryEndpoint() {
    HttpApi.Answer response = get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("paths").propertyNames())
        .contains(
            "/api/restaurants",
            "/api/restaurants/{id}",
            "/api/restaurants/{id}/reviews",
            "/api/users/{id}/profile",
            "/api/users/{id}/reviews");
  }

  @Test
  void answersAnUnknownPathWithA404Problem() {
    HttpApi.Answer response = get("/api/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.firstHeader("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }
}
