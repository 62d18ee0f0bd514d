package com.bellyfed.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.testing.ProblemWalk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks analytics-service's error cases over real HTTP and checks that every answer has the one
 * problem shape of service-kit: application/problem+json, a urn:bellyfed:problem type, the status,
 * errors[{field, reason}] for bad input, 503 with Retry-After for an outage (a 500 before).
 */
@AnalyticsIntegrationTest
class AnalyticsProblemsIntegrationTests {

  private static final String REPLAY = "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-01T01:00:00Z\"}";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  /** Every API here is an admin's: the walk calls it as one, so that each answer is about the request, not the caller. */
  private String[] admin;

  @BeforeEach
  void signIn(LocalAws localAws) {
    admin = SignedInApi.adminHeader(localAws);
  }

  @AfterEach
  void recover(LocalAws localAws) {
    localAws.faults().clear();
  }

  @Test
  void namesEveryInvalidParameter() {
    walk().invalid(send("GET", "/api/analytics/events?from=yesterday&limit=100000", null, null), "service", "from", "limit");
    walk().invalid(send("GET", "/api/analytics/events?service=a&cursor=eyJrIjoxfQ.c2lnbmF0dXJl", null, null), "cursor");
    walk().invalid(send("GET", "/api/errors?cursor=forged.cursor", null, null), "cursor");
    walk().invalid(send("GET", "/api/errors?limit=abc", null, null), "limit");
  }

  @Test
  void namesInvalidFieldsOfABodyAndRefusesBrokenJson() {
    walk().invalid(send("POST", "/api/replays", "application/json", "{}"), "from", "to");
    walk().invalid(send("POST", "/api/replays", "application/json", REPLAY.replace("}", ",\"ratePerSecond\":\"fast\"}")), "ratePerSecond");
    walk().invalid(send("POST", "/api/replays", "application/json", "{\"from\":"), "body");
  }

  @Test
  void answersWrongMediaTypesMethodsAndUnknownResources() {
    walk().problem(send("POST", "/api/replays", "text/plain", REPLAY), 415, "unsupported-media-type");
    walk().problem(send("DELETE", "/api/replays", null, null), 405, "method-not-allowed");
    walk().problem(send("GET", "/api/replays/no-such-job", null, null), 404, "not-found");
    walk().problem(send("GET", "/api/dlqs/no-such-queue/messages", null, null), 404, "not-found");
  }

  @Test
  void refusesOversizedAndHostileRequests() {
    walk().problem(walk().hugeHeader("/api/errors"), 431, "headers-too-large");
    walk().problem(send("POST", "/api/replays", "application/json", "{\"sources\":[\"" + "x".repeat(100_000) + "\"]}"), 413, "payload-too-large");
    walk().problem(sendChunked("/api/replays", 100_000), 413, "payload-too-large");
    walk().problem(walk().claimLength("POST", "/api/replays", "application/json", 10_000_000_000L), 413, "payload-too-large");
  }

  @Test
  void answersAnOutageWith503AndRetryAfter(LocalAws localAws) {
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    HttpResponse<String> response = send("GET", "/api/analytics/events?service=query-service", null, null);
    walk().problem(response, 503, "service-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  private HttpResponse<String> send(String method, String path, @Nullable String contentType, @Nullable String body) {
    return walk().send(method, path, contentType, body, admin);
  }

  /** A JSON body of {@code bytes} announced as chunked (no length to check up front), with the admin's token. */
  private HttpResponse<String> sendChunked(String path, int bytes) {
    byte[] body = ("{\"name\":\"" + "x".repeat(bytes) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header(admin[0], admin[1])
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    }
  }

  private @Nullable ProblemWalk walk;

  /** One per test, as JUnit makes one instance per test: the port is known once Spring injected it. */
  private ProblemWalk walk() {
    if (walk == null) {
      walk = new ProblemWalk(port, json);
    }
    return walk;
  }
}
