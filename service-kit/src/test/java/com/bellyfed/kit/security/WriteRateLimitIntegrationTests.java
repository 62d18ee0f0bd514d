package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * Write rate limits over HTTP, with limiters made from {@code resilience4j.ratelimiter.configs}: per user
 * ({@code sub}) and per client address, 429 problem with {@code Retry-After}, recovery after the refresh period.
 */
class WriteRateLimitIntegrationTests {

  private static TestIssuer issuer;
  private static ConfigurableApplicationContext app;
  private static URI base;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    issuer = new TestIssuer();
    app = new SpringApplicationBuilder(SecuredTestApplication.class)
        .profiles("test")
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "bellyfed.security.issuer-uri=" + issuer.issuer(),
            "bellyfed.security.client-ids=" + TestIssuer.CLIENT_ID,
            "resilience4j.ratelimiter.configs.writes-per-user.limit-for-period=3",
            "resilience4j.ratelimiter.configs.writes-per-user.limit-refresh-period=3s",
            "resilience4j.ratelimiter.configs.writes-per-user.timeout-duration=0",
            "resilience4j.ratelimiter.configs.writes-per-address.limit-for-period=4",
            "resilience4j.ratelimiter.configs.writes-per-address.limit-refresh-period=3s",
            "resilience4j.ratelimiter.configs.writes-per-address.timeout-duration=0",
            "bellyfed.security.rate-limits.rules[0].path=/users/*/profile",
            "bellyfed.security.rate-limits.rules[0].per-user=writes-per-user",
            "bellyfed.security.rate-limits.rules[0].per-address=writes-per-address")
        .run();
    base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    issuer.close();
  }

  @Test
  void aBurstOverTheLimitsGets429WithRetryAfterAndTheLimitRecovers() throws Exception {
    String first = issuer.access("u-1", List.of("user"));
    String second = issuer.access("u-2", List.of("user"));
    for (int i = 0; i < 3; i++) {
      assertThat(write("u-1", first).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> overUserLimit = write("u-1", first);
    assertThat(overUserLimit.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(overUserLimit.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3L);
    assertThat(overUserLimit.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(overUserLimit.body()).contains("\"type\":\"urn:bellyfed:problem:too-many-requests\"", "\"status\":429");

    // Another user from the same address has a per-user limit of their own but shares the address's (4): the
    // request refused per user above did not count against the address.
    assertThat(write("u-2", second).statusCode()).isEqualTo(200);
    HttpResponse<String> overAddressLimit = write("u-2", second);
    assertThat(overAddressLimit.statusCode()).isEqualTo(429);
    assertThat(overAddressLimit.headers().firstValue("Retry-After")).isPresent();

    // Reads are not limited.
    for (int i = 0; i < 10; i++) {
      assertThat(send(HttpRequest.newBuilder(base.resolve("/restaurants/r-1")).GET()).statusCode()).isEqualTo(200);
    }

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(write("u-1", first).statusCode()).isEqualTo(200));
  }

  private static HttpResponse<String> write(String userId, String token) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve("/users/" + userId + "/profile"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{}")));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
