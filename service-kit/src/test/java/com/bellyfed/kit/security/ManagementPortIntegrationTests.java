package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Actuator on its own (private) port is open there; on the service's port only health is. */
class ManagementPortIntegrationTests {

  @RegisterExtension
  static final TestIssuerApp server = TestIssuerApp.with(
      "management.server.port=0",
      "management.server.address=127.0.0.1",
      "management.endpoints.web.exposure.include=health,info,metrics");

  @Test
  void actuatorEndpointsAreOpenOnTheManagementPortOnly() throws Exception {
    int managementPort = server.app().getBean(ManagementPort.class).port();
    int servicePort = server.port();
    assertThat(managementPort).isPositive().isNotEqualTo(servicePort);

    assertThat(get(managementPort, "/actuator/metrics").statusCode()).isEqualTo(200);
    assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
    // The service port serves no actuator at all now, and its own paths keep their rules.
    assertThat(get(servicePort, "/actuator/metrics").statusCode()).isEqualTo(401);
    assertThat(get(servicePort, "/restaurants/r-1").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return server.get(port, path);
  }
}
