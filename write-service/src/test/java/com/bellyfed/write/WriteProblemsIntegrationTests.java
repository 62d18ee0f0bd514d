package com.bellyfed.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.bellyfed.write.support.WriteServiceTest;
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
    invalid(send("POST", "/api/restaurants", "application/json", "{\"name\":\" \",\"priceLevel\":9,\"geo\":{\"lat\":100}}"),
        "name", "city", "cuisine", "address", "priceLevel", "geo.lat", "geo.lon");
  }

  @Test
  void namesTheJsonPathOfAMistypedValueAndRefusesBrokenJson() {
    invalid(send("POST", "/api/restaurants", "application/json", VALID.replace("\"priceLevel\":2", "\"priceLevel\":\"cheap\"")), "priceLevel");
    invalid(send("POST", "/api/restaurants", "application/json", VALID.replace("\"priceLevel\":2", "\"tags\":[\"a\",{\"b\":1}]")), "tags[1]");
    invalid(send("POST", "/api/restaurants", "application/json", "{\"name\":"), "body");
    invalid(send("POST", "/api/restaurants", "application/json", ""), "body");
  }

  @Test
  void namesInvalidHeaders() {
    invalid(send("PUT", "/api/restaurants/r1", "application/json", VALID, "If-Match", "not-an-etag"), "If-Match");
    invalid(send("POST", "/api/restaurants", "application/json", VALID, "Idempotency-Key", "k".repeat(300)), "Idempotency-Key");
  }

  @Test
  void answersWrongMediaTypesMethodsAndUnknownResources() {
    problem(send("POST", "/api/restaurants", "text/plain", VALID), 415, "unsupported-media-type");
    problem(send("POST", "/api/restaurants", "application/xml", "<restaurant/>"), 415, "unsupported-media-type");
    problem(send("GET", "/api/restaurants", null, null), 405, "method-not-allowed");
    problem(send("DELETE", "/api/restaurants/no-such-restaurant", null, null), 404, "not-found");
  }

  @Test
  void refusesOversizedAndHostileRequests() {
    problem(hugeHeader("/api/restaurants/r1"), 431, "headers-too-large");
    problem(send("POST", "/api/restaurants", "application/json", VALID.replace("Nasi Lemak", "x".repeat(20_000))), 413, "payload-too-large");
    problem(sendChunked("POST", "/api/restaurants", "application/json", 20_000), 413, "payload-too-large");
    problem(claimLength("POST", "/api/restaurants", "application/json", 10_000_000_000L), 413, "payload-too-large");
  }

  @Test
  void answersAnOutageWith503AndRetryAfter(LocalAws localAws) {
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    HttpResponse<String> response = send("POST", "/api/restaurants", "application/json", VALID);
    problem(response, 503, "service-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  // ---- the one problem shape, checked on every answer ----

  private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private JsonNode problem(HttpResponse<String> response, int status, String kind) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("type").asString()).isEqualTo("urn:bellyfed:problem:" + kind);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asString()).isNotBlank();
    assertThat(body.path("instance").asString()).startsWith("/");
    assertThat(body.propertyNames()).isSubsetOf(MEMBERS);
    assertThat(response.body()).doesNotContain("Exception", "at com.", "software.amazon");
    return body;
  }

  private JsonNode invalid(HttpResponse<String> response, String... fields) {
    JsonNode body = problem(response, 400, "invalid-request");
    assertThat(body.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(fields);
    body.path("errors").forEach(error -> {
      assertThat(error.propertyNames()).containsExactlyInAnyOrder("field", "reason");
      assertThat(error.path("reason").asString()).isNotBlank();
    });
    return body;
  }

  private HttpResponse<String> send(String method, String path, @Nullable String contentType, @Nullable String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** A body that announces itself as chunked, with no length to check up front. */
  private HttpResponse<String> sendChunked(String method, String path, String contentType, int bytes) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            ("{\"name\":\"" + "x".repeat(bytes) + "\"}").getBytes(StandardCharsets.UTF_8))))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** Claims a body of {@code length} bytes and sends none: the limit must answer before anyone waits for it. */
  private HttpResponse<String> claimLength(String method, String path, String contentType, long length) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
          + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return RawResponse.read(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  private HttpResponse<String> hugeHeader(String path) {
    return send("GET", path, null, null, "X-Padding", "p".repeat(20_000));
  }
}
