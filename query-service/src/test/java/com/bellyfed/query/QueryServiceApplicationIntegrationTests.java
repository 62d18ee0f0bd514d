package com.bellyfed.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import org.junit.jupiter.api.Test;

class QueryServiceApplicationIntegrationTests extends QueryServiceIntegrationTest {

  @Test
  void reportsItselfUpAndReadyOnTheHealthEndpoints() {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpApi.Answer response = management(path);

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
  void answersAPathNoRuleNamesWithA401Problem() {
    // Deny by default (decision 35): a path the service does not name is refused before it is looked up.
    HttpApi.Answer response = get("/api/nothing-here");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.firstHeader("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.firstHeader("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void keepsActuatorOffTheServicePort() {
    assertThat(management("/actuator/prometheus").status()).isEqualTo(200);
    assertThat(get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(get("/actuator/health").status()).isEqualTo(404);
  }
}
