package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Actuator on its own (private) port is open there; on the service's port only health is. */
class ManagementPortIntegrationTests {

  private static TestIssuer issuer;
  private static ConfigurableApplicationContext app;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    issuer = new TestIssuer();
    app = new SpringApplicationBuilder(SecuredTestApplication.class)
        .profiles("test")
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "management.server.port=0",
            "management.server.address=127.0.0.1",
            "management.endpoints.web.exposure.include=health,info,metrics",
            "spring.main.banner-mode=off",
            "bellyfed.security.issuer-uri=" + issuer.issuer(),
            "bellyfed.security.client-ids=" + TestIssuer.CLIENT_ID)
        .run();
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    issuer.close();
  }

  @Test
  void actuatorEndpointsAreOpenOnTheManagementPortOnly() throws Exception {
    int managementPort = app.getBean(ManagementPort.class).port();
    int servicePort = ((WebServerApplicationContext) app).getWebServer().getPort();
    assertThat(managementPort).isPositive().isNotEqualTo(servicePort);

    assertThat(get(managementPort, "/actuator/metrics").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
    // The service port serves no actuator at all now, and its own paths keep their rules.
    assertThat(get(servicePort, "/actuator/metrics").statusCode()).isEqualTo(401);
    assertThat(get(servicePort, "/restaurants/r-1").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
