package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Write rate limits over HTTP, with limiters made from {@code resilience4j.ratelimiter.configs}: per user
 * ({@code sub}) and per client address, 429 problem with {@code Retry-After}, recovery after the refresh period.
 */
class WriteRateLimitIntegrationTests {

  @RegisterExtension
  static final TestIssuerApp server = TestIssuerApp.with(
      "resilience4j.ratelimiter.configs.writes-per-user.limit-for-period=3",
      "resilience4j.ratelimiter.configs.writes-per-user.limit-refresh-period=3s",
      "resilience4j.ratelimiter.configs.writes-per-user.timeout-duration=0",
      "resilience4j.ratelimiter.configs.writes-per-address.limit-for-period=4",
      "resilience4j.ratelimiter.configs.writes-per-address.limit-refresh-period=3s",
      "resilience4j.ratelimiter.configs.writes-per-address.timeout-duration=0",
      "bellyfed.security.rate-limits.rules[0].path=/users/*/profile",
      "bellyfed.security.rate-limits.rules[0].per-user=writes-per-user",
      "bellyfed.security.rate-limits.rules[0].per-address=writes-per-address");

  @Test
  void aBurstOverTheLimitsGets429WithRetryAfterAndTheLimitRecovers() throws Exception {
    String first = server.issuer().access("u-1", List.of("user"));
    String second = server.issuer().access("u-2", List.of("user"));
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
      assertThat(server.get("/restaurants/r-1").statusCode()).isEqualTo(200);
    }

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(write("u-1", first).statusCode()).isEqualTo(200));
  }

  private static HttpResponse<String> write(String userId, String token) throws Exception {
    return server.put("/users/" + userId + "/profile", token, "{}");
  }
}
