package com.bellyfed.events.listener;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs the {@code @SqsListener} handlers of the auto-configured {@code defaultSqsListenerContainerFactory} on
 * virtual threads (Spring Cloud AWS ignores {@code spring.threads.virtual.enabled}).
 *
 * <p>It adds the executor to Spring Cloud AWS's own factory instead of replacing the factory: a factory of our
 * own drops everything the auto-configuration puts on it ({@code spring.cloud.aws.sqs.listener.*} such as the
 * poll timeout, the Jackson message converter, error handlers, interceptors, observation), and it did so only on
 * Java 21+, i.e. in the containers and nowhere the tests ran. Only for JVMs with virtual threads.
 */
public final class VirtualThreadListeners implements BeanPostProcessor {

  static final String FACTORY = "defaultSqsListenerContainerFactory";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof SqsMessageListenerContainerFactory<?> factory && FACTORY.equals(beanName)) {
      SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sqs-listener-");
      executor.setVirtualThreads(true);
      factory.configure(options -> options.componentsTaskExecutor(executor));
    }
    return bean;
  }
}
