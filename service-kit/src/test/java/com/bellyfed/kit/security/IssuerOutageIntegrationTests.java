package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The service starts while its issuer is down, and a token it cannot check yet is a 503 to retry, not a 500 or a 401. */
class IssuerOutageIntegrationTests {

  private static TestIssuer issuer;
  private static ConfigurableApplicationContext app;
  private static URI base;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    issuer = new TestIssuer();
    issuer.close(); // its port now refuses connections
    app = new SpringApplicationBuilder(SecuredTestApplication.class)
        .profiles("test")
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "bellyfed.security.issuer-uri=" + issuer.issuer(),
            "bellyfed.security.client-ids=" + TestIssuer.CLIENT_ID)
        .run();
    base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aTokenThatCannotBeCheckedWhileTheIssuerIsDownIs503WithRetryAfter() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/users/u-1/profile"))
            .header("Authorization", "Bearer " + issuer.access("u-1", List.of()))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:service-unavailable\"");
    // Public reads do not need the issuer.
    assertThat(http.send(HttpRequest.newBuilder(base.resolve("/restaurants/r-1")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }
}
