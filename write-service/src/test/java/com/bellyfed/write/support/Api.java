package com.bellyfed.write.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import com.bellyfed.testing.HttpApi;
import java.util.List;
import java.util.Map;

/** Real HTTP against the service under test, through the shared {@link HttpApi}, with the answers read by Jackson 2 as the tests were written. */
public final class Api {

  private static final ObjectMapper MAPPER = JsonMapper.shared();

  private final HttpApi http;

  public Api(int port) {
    this.http = new HttpApi(port);
  }

  /** An answer: status, headers and the body parsed as JSON (null when empty). */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    public JsonNode json() {
      try {
        return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
      } catch (JacksonException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
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
    return MAPPER.writeValueAsString(value);
  }
}
