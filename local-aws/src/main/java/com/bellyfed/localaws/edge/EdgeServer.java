package com.bellyfed.localaws.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single loopback endpoint every SDK client points at: recognises each request's service and
 * hands it to that service's backend, after the request filter (fault injection) had its say.
 */
public final class EdgeServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EdgeServer.class);

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
    // the client's delayed ACK add about 40 ms to every response. Read once, when the server class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /**
   * The largest request body any service behind the edge takes: AWS answers HTTP 413 above 16 MiB
   * (DynamoDB: dynalite test/connection.js, observed on AWS), and every other service here has smaller
   * limits of its own. Bodies are read into memory, so nothing larger is.
   */
  static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  /** How much more of an oversized body is read and thrown away before the answer. */
  private static final long MAX_SKIPPED_BYTES = 256L * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<AwsService, ServiceBackend> backends = new EnumMap<>(AwsService.class);
  private volatile RequestFilter filter = RequestFilter.PASS;
  private final Map<java.util.regex.Pattern, HttpHandler> unsignedGets = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /** Binds the port at once, so that backends can be told the edge's address before it serves. */
  public EdgeServer(int port) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    this.executor = Workers.newExecutor("edge");
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public EdgeServer backend(AwsService service, ServiceBackend backend) {
    backends.put(service, backend);
    return this;
  }

  public EdgeServer filter(RequestFilter requestFilter) {
    this.filter = requestFilter;
    return this;
  }

  /** Serves {@code path} and everything below it with an administrative handler. */
  public EdgeServer admin(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  /**
   * Serves unsigned GETs whose path matches {@code path} with {@code handler}: documents AWS serves
   * below a service's own URLs, such as a user pool's {@code /{poolId}/.well-known/jwks.json}.
   */
  public EdgeServer get(java.util.regex.Pattern path, HttpHandler handler) {
    unsignedGets.put(path, handler);
    return this;
  }

  public void start() {
    server.start();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET")) {
      for (Map.Entry<java.util.regex.Pattern, HttpHandler> route : unsignedGets.entrySet()) {
        if (route.getKey().matcher(exchange.getRequestURI().getPath()).matches()) {
          route.getValue().handle(exchange);
          return;
        }
      }
    }
    try (exchange) {
      InputStream in = exchange.getRequestBody();
      byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      if (body.length > MAX_REQUEST_BYTES) {
        // Read no further into memory than the limit: the rest is skipped (so that the client, still
        // sending, gets the answer rather than a broken pipe), up to a bound past which the
        // connection is simply closed.
        discard(in, MAX_SKIPPED_BYTES);
        send(exchange, new AwsResponse(413, Map.of("x-amzn-RequestId", UUID.randomUUID().toString()), new byte[0]));
        return;
      }
      var headers = exchange.getRequestHeaders();
      Optional<ServiceDetector.Detected> detected =
          ServiceDetector.detect(
              headers.getFirst("X-Amz-Target"),
              headers.getFirst("Authorization"),
              exchange.getRequestURI().getRawQuery(),
              body,
              headers.getFirst("Content-Type"),
              exchange.getRequestURI().getPath(),
              headers.getFirst("smithy-protocol"));
      if (detected.isEmpty() || !backends.containsKey(detected.get().service())) {
        send(exchange, AwsResponse.json(400, "application/json",
            "{\"__type\":\"UnknownOperationException\",\"message\":\"local-aws serves SQS, DynamoDB, EventBridge, Cognito user pools and CloudWatch's PutMetricData;"
                + " this request names none of them by X-Amz-Target, signing scope or Action\"}"));
        return;
      }
      ServiceDetector.Detected what = detected.get();
      AwsRequest request =
          new AwsRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              headers,
              body,
              what.service(),
              what.protocol(),
              what.operation());
      RequestFilter.Verdict verdict = filter.check(request);
      if (verdict instanceof RequestFilter.Verdict.Drop) {
        // Closing without a status line drops the connection: the client sees an I/O error, as with a dead host.
        return;
      }
      if (verdict instanceof RequestFilter.Verdict.Respond respond) {
        send(exchange, respond.response());
        return;
      }
      if (verdict instanceof RequestFilter.Verdict.Delay delay) {
        Thread.sleep(delay.delay().toMillis());
      }
      send(exchange, backends.get(what.service()).handle(request));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      log.warn("Request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
      try {
        send(exchange, AwsResponse.json(500, "application/json",
            "{\"__type\":\"InternalFailure\",\"message\":\"local-aws: " + e.toString().replace('"', '\'') + "\"}"));
      } catch (IOException | RuntimeException alreadyAnswered) {
        log.debug("Could not report the failure", alreadyAnswered);
      }
    }
  }

  private static void discard(InputStream in, long atMost) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long discarded = 0;
    int read;
    while (discarded < atMost && (read = in.read(buffer, 0, (int) Math.min(buffer.length, atMost - discarded))) >= 0) {
      discarded += read;
    }
  }

  static void send(HttpExchange exchange, AwsResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

}
