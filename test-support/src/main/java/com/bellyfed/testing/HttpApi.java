package com.bellyfed.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the service under test, on 127.0.0.1: what every service's tests send their requests through. */
public final class HttpApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  public HttpApi(int port) {
    this.port = port;
  }

  /** An answer: status, headers and body. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    /** The body as JSON; a null node when it is empty. A body that is not JSON fails the test that reads it. */
    public JsonNode json() {
      if (body.isEmpty()) {
        return JSON.nullNode();
      }
      try {
        return JSON.readTree(body);
      } catch (JacksonException notJson) {
        throw new AssertionError("Not JSON (" + status + ", " + contentType() + "): " + body, notJson);
      }
    }

    /** The first value of a header, whatever its case; null when absent. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst().orElse(null);
    }

    /** The first value of a header, whatever its case, as {@link java.net.http.HttpHeaders#firstValue} gives it. */
    public Optional<String> firstHeader(String name) {
      return Optional.ofNullable(header(name));
    }

    /** The Content-Type; empty when absent. */
    public String contentType() {
      String type = header("Content-Type");
      return type == null ? "" : type;
    }
  }

  public Answer get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** A JSON body unless {@code headers} name another Content-Type. */
  public Answer post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  public Answer put(String path, String body, String... headers) {
    return send("PUT", path, body, headers);
  }

  public Answer delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  /**
   * A POST whose body is streamed from {@code body} (opened once per request), never held whole; no
   * time limit, as sending a large body takes as long as it takes.
   */
  public Answer post(String path, Supplier<InputStream> body, String... headers) {
    return exchange("POST", path, HttpRequest.BodyPublishers.ofInputStream(body), true, headers);
  }

  /** {@code headers} as name, value pairs; a body's Content-Type defaults to application/json. */
  public Answer send(String method, String path, String body, String... headers) {
    return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
        body != null, headers);
  }

  private Answer exchange(String method, String path, HttpRequest.BodyPublisher body, boolean hasBody, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (body.contentLength() >= 0) {
      request.timeout(Duration.ofSeconds(30));
    }
    List<String> all = new ArrayList<>(List.of(headers));
    boolean typed = false;
    for (int i = 0; i < all.size(); i += 2) {
      typed |= all.get(i).equalsIgnoreCase("Content-Type");
    }
    if (hasBody && !typed) {
      all.add("Content-Type");
      all.add("application/json");
    }
    for (int i = 0; i < all.size(); i += 2) {
      request.header(all.get(i), all.get(i + 1));
    }
    request.method(method, body);
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A query parameter's value, percent-encoded. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A value as a JSON body. */
  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
