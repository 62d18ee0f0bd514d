package com.bellyfed.analytics;

import com.bellyfed.testing.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Real HTTP against the service under test, through the shared {@link HttpApi}, with the answers read by Jackson 2 as the tests were written. */
public final class Http {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpApi http;

  public Http(int port) {
    this.http = new HttpApi(port);
  }

  /** A response with its body parsed as JSON (null when it is not JSON). */
  public record Response(int status, String contentType, String body, JsonNode json) {}

  public Response get(String path) {
    return response(http.get(path));
  }

  public Response post(String path, String contentType, String body) {
    return response(http.post(path, body, "Content-Type", contentType));
  }

  public Response delete(String path) {
    return response(http.delete(path));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Response response(HttpApi.Answer answer) {
    JsonNode json;
    try {
      json = answer.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(answer.body());
    } catch (IOException notJson) {
      json = MAPPER.nullNode();
    }
    return new Response(answer.status(), answer.contentType(), answer.body(), json);
  }
}
