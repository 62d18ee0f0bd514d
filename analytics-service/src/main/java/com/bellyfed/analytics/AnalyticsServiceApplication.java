package com.bellyfed.analytics;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Starts the analytics-service. */
@SpringBootApplication
@EnableConfigurationProperties(AnalyticsSettings.class)
public class AnalyticsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnalyticsServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * {@code @SqsListener} ignores {@code spring.threads.virtual.enabled}: its handlers get virtual
   * threads from this executor where the JVM has them (Java 21+). On Java 17 Spring Cloud AWS
   * requires its own thread factory for a custom executor, which is what its default does anyway.
   */
  @Bean
  SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(SqsAsyncClient sqsAsyncClient) {
    SqsMessageListenerContainerFactory.Builder<Object> factory = SqsMessageListenerContainerFactory.builder().sqsAsyncClient(sqsAsyncClient);
    if (Runtime.version().feature() >= 21) {
      SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sqs-listener-");
      executor.setVirtualThreads(true);
      factory.configure(options -> options.componentsTaskExecutor(executor));
    }
    return factory.build();
  }
}
