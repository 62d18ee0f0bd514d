package com.bellyfed.benchmarks.suite;

import com.bellyfed.testing.processes.LocalAwsAccess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * local-aws as a user runs it, {@code java -jar local-aws-exec.jar} with the dev topology, on a free port: the services
 * and the benchmark reach it only over loopback, and its CPU is its own process's.
 */
final class LocalAwsProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final Region REGION = Region.US_EAST_1;

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final long launched;
  private LocalAwsAccess aws;
  private Duration ready = Duration.ZERO;

  private LocalAwsProcess(Process process, URI endpoint, Path log, long launched) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.launched = launched;
  }

  /** Launches the jar with {@code -Xmx<heap>}, and the build's class-data-sharing archive beside it when there is one. */
  static LocalAwsProcess start(Path jar, String heap, Path log) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (benchmarks/scripts/report.sh does)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
    Path archive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".jsa"));
    if (Files.isRegularFile(archive)) {
      command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
    Files.createDirectories(log.toAbsolutePath().getParent());
    System.out.println("starting local-aws from " + jar.getFileName() + " on port " + port + ", log in " + log);
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new LocalAwsProcess(process, URI.create("http://127.0.0.1:" + port), log, launched);
  }

  /** Waits until {@code /_local-aws/health} is UP and names the user pool; returns the time since launch. */
  Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/_local-aws/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = launched + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("local-aws exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.statusCode() == 200 ? JsonMapper.shared().readTree(response.body()) : null;
        if (body != null && body.path("status").asString("").equals("UP") && body.path("cognito").has("issuer")) {
          ready = Duration.ofNanos(System.nanoTime() - launched);
          JsonNode pool = body.path("cognito");
          aws = new LocalAwsAccess(endpoint, REGION.id(), pool.path("issuer").asString(), pool.path("clientId").asString());
          return ready;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      // A process we do not control: nothing to await on but its port. Short, as the start-up time is measured.
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new IllegalStateException("local-aws not ready after " + timeout.toSeconds() + " s; see " + log);
  }

  /** What a service needs to reach this local-aws and check its tokens. */
  LocalAwsAccess aws() {
    if (aws == null) {
      throw new IllegalStateException("local-aws is not ready yet");
    }
    return aws;
  }

  Duration ready() {
    return ready;
  }

  long pid() {
    return process.pid();
  }

  /**
   * An access token of the pool's app client for {@code user}, in {@code groups}: local-aws's
   * {@code POST /_local-aws/cognito/token} (what {@code local-aws token --user NAME --groups admin} calls).
   */
  String token(String user, String... groups) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder("{\"username\":\"").append(user).append("\",\"groups\":[");
    for (int i = 0; i < groups.length; i++) {
      body.append(i == 0 ? "" : ",").append('"').append(groups[i]).append('"');
    }
    body.append("]}");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_local-aws/cognito/token"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token for " + user + ": " + response.statusCode() + " " + response.body());
    }
    return JsonMapper.shared().readTree(response.body()).path("accessToken").asString();
  }

  DynamoDbClient dynamoDb(int connections) {
    return DynamoDbClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections)).build();
  }

  SqsClient sqs(int connections) {
    return SqsClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections)).build();
  }

  EventBridgeClient eventBridge(int connections) {
    return EventBridgeClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections)).build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  /** Stops local-aws after the services (their last polls and writes still answered). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
