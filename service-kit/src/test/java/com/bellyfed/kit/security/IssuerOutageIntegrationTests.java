package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service starts while its issuer is down, and a token it cannot check yet is a 503 to retry, not a 500 or a 401. */
class IssuerOutageIntegrationTests {

  @RegisterExtension
  static final TestIssuerApp server = TestIssuerApp.withIssuerDown();

  @Test
  void aTokenThatCannotBeCheckedWhileTheIssuerIsDownIs503WithRetryAfter() throws Exception {
    HttpResponse<String> answer = server.put("/users/u-1/profile", server.issuer().access("u-1", List.of()), "{}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:service-unavailable\"");
    // Public reads do not need the issuer.
    assertThat(server.get("/restaurants/r-1").statusCode()).isEqualTo(200);
  }
}
