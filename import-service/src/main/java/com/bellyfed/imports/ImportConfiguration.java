package com.bellyfed.imports;

import com.bellyfed.imports.jobs.ImportSettings;
import com.bellyfed.kit.resilience.Declared;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The service's own wiring: its settings, a DynamoDB client that outlasts throttling, its circuit, and the import-queue listener container. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportConfiguration {

  /**
   * Spring Cloud AWS builds the client (endpoint, region, credentials from {@code spring.cloud.aws.*});
   * imports run long bursts of writes, so throttling is retried up to 10 times without the retry quota
   * (whose empty bucket would otherwise turn sustained throttling into failed chunks), with enough
   * connections for every writer.
   */
  @Bean
  DynamoDbClientCustomizer importDynamoDbClientCustomizer(ImportSettings settings) {
    return builder -> builder
        .httpClientBuilder(Apache5HttpClient.builder().maxConnections(Math.max(50, settings.listenerConcurrency() * settings.writers() * 2)))
        .overrideConfiguration(builder.overrideConfiguration().toBuilder()
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(10)
                .circuitBreakerEnabled(false)
                // The SDK's default throttling backoff starts at 1 s; short bursts of throttling clear much sooner.
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(2)))
                .build())
            .build());
  }

  /**
   * The circuit of the chunk listener's dependency, {@code resilience4j.circuitbreaker.instances.dynamodb}
   * (on the runtime's {@code dependency} configuration): while it is open {@code ListenerPause} stops the
   * listener, so an outage does not push healthy chunks to the DLQ.
   */
  @Bean
  CircuitBreaker importDynamoDbCircuitBreaker(CircuitBreakerRegistry registry) {
    return Declared.circuitBreaker(registry, "dynamodb");
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
