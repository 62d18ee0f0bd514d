package com.bellyfed.write;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The {@code @SqsListener} containers run handlers on virtual threads when the JVM has them (Java
 * 21+; Spring Cloud AWS ignores {@code spring.threads.virtual.enabled}), else on its own threads.
 */
@Configuration(proxyBeanMethods = false)
class SqsConfiguration {

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
