package com.bellyfed.imports;

import com.bellyfed.events.autoconfigure.EventsProperties;
import com.bellyfed.events.listener.ListenerPause;
import com.bellyfed.imports.jobs.ImportSettings;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The service's own wiring: its settings, a DynamoDB client that outlasts throttling, and the import-queue listener container. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportConfiguration {

  /**
   * Replaces the event runtime's client: imports run long bursts of writes, so throttling is
   * retried up to 10 times without the retry quota (whose empty bucket would otherwise turn
   * sustained throttling into failed chunks), and enough connections for every writer.
   */
  @Bean(destroyMethod = "close")
  DynamoDbClient dynamoDbClient(EventsProperties properties, ImportSettings settings) {
    var builder = DynamoDbClient.builder()
        .region(Region.of(properties.region()))
        .httpClientBuilder(Apache5HttpClient.builder().maxConnections(Math.max(50, settings.listenerConcurrency() * settings.writers() * 2)))
        .overrideConfiguration(override -> override.retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(10)
                .circuitBreakerEnabled(false)
                // The SDK's default throttling backoff starts at 1 s; short bursts of throttling clear much sooner.
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(2)))
                .build()));
    if (properties.endpoint() != null) {
      builder.endpointOverride(properties.endpoint())
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  /**
   * The circuit of the chunk listener's dependency ({@link ListenerPause#dependencyCircuit}): while
   * it is open the listener is stopped, so an outage does not push healthy chunks to the DLQ.
   */
  @Bean
  CircuitBreaker importDynamoDbCircuitBreaker() {
    return ListenerPause.dependencyCircuit("import-dynamodb");
  }

  /** Java 17 has no virtual threads, so the container keeps its platform-thread executor, one thread per chunk in flight. */
  @Bean
  SqsMessageListenerContainerFactory<Object> importListenerContainerFactory(SqsAsyncClient sqsAsyncClient, ImportSettings settings) {
    return SqsMessageListenerContainerFactory.builder()
        .sqsAsyncClient(sqsAsyncClient)
        .configure(options -> options
            .maxConcurrentMessages(settings.listenerConcurrency())
            .maxMessagesPerPoll(Math.min(10, settings.listenerConcurrency()))
            .pollTimeout(Duration.ofSeconds(2))
            .listenerShutdownTimeout(Duration.ofSeconds(30)))
        .build();
  }
}
