package com.bellyfed.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a service the requests of its error walk (plain, chunked, with a claimed length on a raw
 * socket, with a huge header) and checks that every answer has service-kit's one problem shape:
 * application/problem+json, a {@code urn:bellyfed:problem:} type, the status, only RFC 9457's members
 * and {@code errors[{field, reason}]}, and nothing of our internals.
 */
public final class ProblemWalk {

  private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int port;
  private final JsonMapper json;

  public ProblemWalk(int port, JsonMapper json) {
    this.port = port;
    this.json = json;
  }

  /** Checks the one problem shape and answers its body. */
  public JsonNode problem(HttpResponse<String> response, int status, String kind) {
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

  /** A 400 naming exactly these fields, each with a reason. */
  public JsonNode invalid(HttpResponse<String> response, String... fields) {
    JsonNode body = problem(response, 400, "invalid-request");
    assertThat(body.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(fields);
    body.path("errors").forEach(error -> {
      assertThat(error.propertyNames()).containsExactlyInAnyOrder("field", "reason");
      assertThat(error.path("reason").asString()).isNotBlank();
    });
    return body;
  }

  public HttpResponse<String> send(String method, String path, @Nullable String contentType, @Nullable String body, String... headers) {
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
  public HttpResponse<String> sendChunked(String method, String path, String contentType, int bytes) {
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
  public HttpResponse<String> claimLength(String method, String path, String contentType, long length) {
    return RawHttp.send(port, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + length + "\r\n\r\n", Duration.ofSeconds(10));
  }

  public HttpResponse<String> hugeHeader(String path) {
    return send("GET", path, null, null, "X-Padding", "p".repeat(20_000));
  }
}
