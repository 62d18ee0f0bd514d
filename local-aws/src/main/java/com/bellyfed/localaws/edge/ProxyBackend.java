package com.bellyfed.localaws.edge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/** Hands a request unchanged to an emulator listening on its own loopback port. */
public final class ProxyBackend implements ServiceBackend {

  // The JDK client sets these itself and refuses them from callers; hop-by-hop headers are not forwarded.
  private static final Set<String> SKIPPED_REQUEST_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");
  private static final Set<String> SKIPPED_RESPONSE_HEADERS =
      Set.of("connection", "content-length", "transfer-encoding", "date", "keep-alive", "server");

  private final URI base;
  private final HttpClient client;

  public ProxyBackend(URI base, Executor executor) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  @Override
  public AwsResponse handle(AwsRequest request) throws IOException, InterruptedException {
    URI uri = base.resolve(request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(
        (name, values) -> {
          if (!SKIPPED_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(value -> builder.header(name, value));
          }
        });
    HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach(
        (name, values) -> {
          if (!name.startsWith(":") && !SKIPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            headers.put(name, String.join(",", values));
          }
        });
    return new AwsResponse(response.statusCode(), headers, response.body());
  }

}
