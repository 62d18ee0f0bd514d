package com.bellyfed.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
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
import tools.jackson.databind.json.JsonMapper;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.WriteServiceTest;
import com.bellyfed.testing.ProblemWalk;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks write-service's error cases over real HTTP and checks that every answer has the one
 * problem shape of service-kit: application/problem+json, a urn:bellyfed:problem type, the status,
 * errors[{field, reason}] for bad input, 503 with Retry-After for an outage.
 */
@WriteServiceTest
class WriteProblemsIntegrationTests {

  private static final String VALID = "{\"name\":\"Nasi Lemak\",\"city\":\"Ipoh\",\"cuisine\":\"Malay\",\"address\":\"1 Jalan\",\"priceLevel\":2}";

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  @AfterEach
  void recover(LocalAws localAws) {
    localAws.faults().clear();
  }

  @Test
  void namesEveryInvalidFieldOfABody() {
    walk().invalid(walk().send("POST", "/api/restaurants", "application/json", "{\"name\":\" \",\"priceLevel\":9,\"geo\":{\"lat\":100}}", admin()),
        "name", "city", "cuisine", "address", "priceLevel", "geo.lat", "geo.lon");
  }

  @Test
  void namesTheJsonPathOfAMistypedValueAndRefusesBrokenJson() {
    walk().invalid(walk().send("POST", "/api/restaurants", "application/json", VALID.replace("\"priceLevel\":2", "\"priceLevel\":\"cheap\""), admin()), "priceLevel");
    walk().invalid(walk().send("POST", "/api/restaurants", "application/json", VALID.replace("\"priceLevel\":2", "\"tags\":[\"a\",{\"b\":1}]"), admin()), "tags[1]");
    walk().invalid(walk().send("POST", "/api/restaurants", "application/json", "{\"name\":", admin()), "body");
    walk().invalid(walk().send("POST", "/api/restaurants", "application/json", "", admin()), "body");
  }

  @Test
  void namesInvalidHeaders() {
    walk().invalid(walk().send("PUT", "/api/restaurants/r1", "application/json", VALID, admin("If-Match", "not-an-etag")), "If-Match");
    walk().invalid(walk().send("POST", "/api/restaurants", "application/json", VALID, admin("Idempotency-Key", "k".repeat(300))), "Idempotency-Key");
  }

  @Test
  void answersWrongMediaTypesMethodsAndUnknownResources() {
    walk().problem(walk().send("POST", "/api/restaurants", "text/plain", VALID, admin()), 415, "unsupported-media-type");
    walk().problem(walk().send("POST", "/api/restaurants", "application/xml", "<restaurant/>", admin()), 415, "unsupported-media-type");
    walk().problem(walk().send("GET", "/api/restaurants", null, null, admin()), 405, "method-not-allowed");
    walk().problem(walk().send("DELETE", "/api/restaurants/no-such-restaurant", null, null, admin()), 404, "not-found");
  }

  @Test
  void refusesOversizedAndHostileRequests() {
    walk().problem(walk().hugeHeader("/api/restaurants/r1"), 431, "headers-too-large");
    walk().problem(walk().send("POST", "/api/restaurants", "application/json", VALID.replace("Nasi Lemak", "x".repeat(20_000)), admin()), 413, "payload-too-large");
    walk().problem(sendChunked("/api/restaurants", 20_000, admin()), 413, "payload-too-large");
    // Without a token the body is never read: the request is refused first.
    walk().problem(walk().sendChunked("POST", "/api/restaurants", "application/json", 20_000), 401, "unauthorized");
    walk().problem(walk().claimLength("POST", "/api/restaurants", "application/json", 10_000_000_000L), 413, "payload-too-large");
  }

  @Test
  void answersAnOutageWith503AndRetryAfter(LocalAws localAws) {
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    HttpResponse<String> response = walk().send("POST", "/api/restaurants", "application/json", VALID, admin());
    walk().problem(response, 503, "service-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  private @Nullable ProblemWalk walk;

  /** ProblemWalk's chunked body of {@code bytes}, with {@code headers}: streamed, so no length to check up front. */
  private HttpResponse<String> sendChunked(String path, int bytes, String... headers) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").headers(headers)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
            ("{\"name\":\"" + "x".repeat(bytes) + "\"}").getBytes(StandardCharsets.UTF_8))))
        .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    }
  }
  private @Nullable Caller admin;

  @BeforeEach
  void signIn(LocalAws localAws) {
    admin = Caller.admin(port, localAws);
  }

  /** Restaurant writes are the admins': {@code headers} with a signed-in admin's token. */
  private String[] admin(String... headers) {
    return java.util.Objects.requireNonNull(admin).withAuthorization(headers);
  }

  /** One per test, as JUnit makes one instance per test: the port is known once Spring injected it. */
  private ProblemWalk walk() {
    if (walk == null) {
      walk = new ProblemWalk(port, json);
    }
    return walk;
  }
}
