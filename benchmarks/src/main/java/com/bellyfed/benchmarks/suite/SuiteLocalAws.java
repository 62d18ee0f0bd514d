package com.bellyfed.benchmarks.suite;

import com.bellyfed.testing.processes.LocalAwsAccess;
import com.bellyfed.testing.processes.LocalAwsProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * local-aws as a user runs it, {@code java -jar local-aws-exec.jar} with the dev topology on a free port (test-support's
 * {@link LocalAwsProcess}): the services and the benchmark reach it only over loopback, and its CPU is its own
 * process's. Adds what the report needs of it: tokens and sized SDK clients.
 */
final class SuiteLocalAws implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final Region REGION = Region.US_EAST_1;

  private final LocalAwsProcess process;

  private SuiteLocalAws(LocalAwsProcess process) {
    this.process = process;
  }

  /** Launches the jar with {@code -Xmx<heap>} (and the build's class-data-sharing archive beside it when there is one). */
  static SuiteLocalAws start(Path jar, String heap, Path log) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (benchmarks/scripts/report.sh does)");
    }
    System.out.println("starting local-aws from " + jar.getFileName() + ", log in " + log);
    return new SuiteLocalAws(LocalAwsProcess.start(jar, log, List.of("-Xmx" + heap), List.of()));
  }

  /** Waits until {@code /_local-aws/health} answers and names the user pool; returns the time since launch. */
  Duration awaitReady(Duration timeout) {
    return process.awaitReady(timeout);
  }

  /** What a service needs to reach this local-aws and check its tokens. */
  LocalAwsAccess aws() {
    return process.access();
  }

  long pid() {
    return process.process().pid();
  }

  private URI endpoint() {
    return process.endpoint();
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
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/_local-aws/cognito/token"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token for " + user + ": " + response.statusCode() + " " + response.body());
    }
    return JsonMapper.shared().readTree(response.body()).path("accessToken").asString();
  }

  DynamoDbClient dynamoDb(int connections) {
    return DynamoDbClient.builder().endpointOverride(endpoint()).region(REGION).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections)).build();
  }

  SqsClient sqs(int connections) {
    return SqsClient.builder().endpointOverride(endpoint()).region(REGION).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections)).build();
  }

  EventBridgeClient eventBridge(int connections) {
    return EventBridgeClient.builder().endpointOverride(endpoint()).region(REGION).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections)).build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  /** Stops local-aws after the services (their last polls and writes still answered). */
  @Override
  public void close() {
    process.close();
  }
}
