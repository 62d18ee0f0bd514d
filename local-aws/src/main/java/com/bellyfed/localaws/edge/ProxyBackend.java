package com.bellyfed.localaws.edge;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Hands a request unchanged to an emulator listening on its own loopback port, over a pool of
 * kept-alive connections with a blocking client: every SQS and DynamoDB call crosses this hop, and
 * the JDK's asynchronous HttpClient spent about twice the CPU per call here (a selector thread and
 * a chain of futures per exchange).
 */
public final class ProxyBackend implements ServiceBackend, AutoCloseable {

  // Hop-by-hop headers, and those the client computes itself from the body it sends.
  private static final Set<String> SKIPPED_REQUEST_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");
  private static final Set<String> SKIPPED_RESPONSE_HEADERS =
      Set.of("connection", "content-length", "transfer-encoding", "date", "keep-alive", "server");
  /** Above SQS's longest long poll (20 s), so a waiting ReceiveMessage is never cut short. */
  private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);
  private static final int CONNECTIONS = 512;

  private final URI base;
  private final CloseableHttpClient client;

  public ProxyBackend(URI base) {
    this.base = base;
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONNECTIONS)
                    .setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(RESPONSE_TIMEOUT).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_TIMEOUT).build())
            // The caller's SDK retries, redirects and compresses as it sees fit; the proxy passes bytes on.
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
            .build();
  }

  @Override
  public AwsResponse handle(AwsRequest request) throws IOException {
    URI uri = base.resolve(request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()));
    ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(uri);
    String contentType = null;
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("content-type") && !header.getValue().isEmpty()) {
        contentType = header.getValue().get(0);
      }
      if (!SKIPPED_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> builder.addHeader(name, value));
      }
    }
    if (request.body().length > 0) {
      builder.setEntity(new ByteArrayEntity(request.body(), contentType == null ? null : ContentType.parseLenient(contentType)));
    }
    return client.execute(builder.build(), response -> {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header header : response.getHeaders()) {
        if (!SKIPPED_RESPONSE_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
          headers.merge(header.getName(), header.getValue(), (first, next) -> first + "," + next);
        }
      }
      byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
      return new AwsResponse(response.getCode(), headers, body);
    });
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
