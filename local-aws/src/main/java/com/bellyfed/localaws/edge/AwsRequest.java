package com.bellyfed.localaws.edge;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request received on the edge, with the service, protocol and operation it was recognised as.
 *
 * @param headers request headers; keys as the client sent them
 */
public record AwsRequest(
    String method,
    URI uri,
    Map<String, List<String>> headers,
    byte[] body,
    AwsService service,
    Protocol protocol,
    String operation) {

  public @Nullable String header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
