package com.bellyfed.write.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.bellyfed.testing.HttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Real HTTP against the service under test, through the shared {@link HttpApi}, with the answers read by Jackson 2 as the tests were written. */
public final class Api {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpApi http;

  public Api(int port) {
    this.http = new HttpApi(port);
  }

  /** An answer: status, headers and the body parsed as JSON (null when empty). */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    public JsonNode json() {
      try {
        return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst().orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Answer post(String path, String json, String... headers) {
    return send("POST", path, json, headers);
  }

  public Answer put(String path, String json, String... headers) {
    return send("PUT", path, json, headers);
  }

  public Answer delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  public Answer get(String path) {
    return send("GET", path, null);
  }

  /** {@code headers} as name, value pairs; Content-Type defaults to application/json. */
  public Answer send(String method, String path, String body, String... headers) {
    HttpApi.Answer answer = http.send(method, path, body, headers);
    return new Answer(answer.status(), answer.headers(), answer.body());
  }

  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
