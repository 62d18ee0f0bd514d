package com.bellyfed.localaws.edge;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response to send back through the edge. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

  public static AwsResponse json(int status, String contentType, String body) {
    return new AwsResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }
}
