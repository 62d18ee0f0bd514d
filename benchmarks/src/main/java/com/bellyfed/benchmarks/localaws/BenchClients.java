package com.bellyfed.benchmarks.localaws;

import com.bellyfed.localaws.LocalAws;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK v2 sync clients of one local-aws: SQS through the edge, SQS directly on ElasticMQ, and
 * EventBridge (only the edge serves it).
 */
public record BenchClients(SqsClient edgeSqs, SqsClient directSqs, EventBridgeClient events, Region region) implements AutoCloseable {

  /** More than the threads of any phase, so that no call waits for a pooled connection. */
  static final int MAX_CONNECTIONS = 64;
  public static final String HTTP_CLIENT = "Apache HttpClient 4 (SDK apache-client), " + MAX_CONNECTIONS + " connections per client";

  public static BenchClients of(LocalAws localAws) {
    return new BenchClients(
        configure(SqsClient.builder(), localAws.endpoint(), localAws.region()).httpClient(httpClient()).build(),
        configure(SqsClient.builder(), localAws.sqsBackendEndpoint(), localAws.region()).httpClient(httpClient()).build(),
        configure(EventBridgeClient.builder(), localAws.endpoint(), localAws.region()).httpClient(httpClient()).build(),
        localAws.region());
  }

  // Retries are off so that a failure is counted rather than hidden in a slower call.
  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint, Region region) {
    return builder
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }

  private static SdkHttpClient httpClient() {
    return ApacheHttpClient.builder()
        .maxConnections(MAX_CONNECTIONS)
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Override
  public void close() {
    edgeSqs.close();
    directSqs.close();
    events.close();
  }
}
