package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The listeners' poll timeout, which bounds how long a stopping service waits for its outstanding ReceiveMessage:
 * 2 s by default, on the factory Spring Cloud AWS configures (so its {@code spring.cloud.aws.sqs.listener.*}
 * settings reach the containers), and overridable.
 */
class ListenerDefaultsTests {

  private final ApplicationContextRunner runner = ListenerContexts.eventsWithSqs();

  @Test
  void listenersLongPollForTwoSecondsSoThatAStopWaitsAtMostThat() {
    runner.run(context -> assertThat(pollTimeoutOfANewContainer(context)).isEqualTo(Duration.ofSeconds(2)));
  }

  @Test
  void theConfigurationOrEnvironmentChoosesAnotherPollTimeout() {
    runner.withPropertyValues("spring.cloud.aws.sqs.listener.poll-timeout=15s")
        .run(context -> assertThat(pollTimeoutOfANewContainer(context)).isEqualTo(Duration.ofSeconds(15)));
  }

  @Test
  void otherListenerSettingsOfSpringCloudAwsReachTheContainersToo() {
    runner.withPropertyValues("spring.cloud.aws.sqs.listener.max-concurrent-messages=7", "spring.cloud.aws.sqs.listener.max-messages-per-poll=3")
        .run(context -> {
          SqsMessageListenerContainer<?> container = newContainer(context);
          assertThat(container.getContainerOptions().getMaxConcurrentMessages()).isEqualTo(7);
          assertThat(container.getContainerOptions().getMaxMessagesPerPoll()).isEqualTo(3);
        });
  }

  /** Runs where the JVM has virtual threads (the containers' Java 25); Java 17 keeps the platform executor. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void onAJvmWithVirtualThreadsTheHandlersRunOnThemAndTheSettingsStillApply() throws Exception {
    runner.run(context -> {
      SqsMessageListenerContainer<?> container = newContainer(context);
      CompletableFuture<String> thread = new CompletableFuture<>();
      container.getContainerOptions().getComponentsTaskExecutor().execute(() -> thread.complete(Thread.currentThread().getClass().getName()));

      assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("java.lang.VirtualThread");
      assertThat(container.getContainerOptions().getPollTimeout()).isEqualTo(Duration.ofSeconds(2));
    });
  }

  private static Duration pollTimeoutOfANewContainer(AssertableApplicationContext context) {
    return newContainer(context).getContainerOptions().getPollTimeout();
  }

  private static SqsMessageListenerContainer<?> newContainer(AssertableApplicationContext context) {
    SqsMessageListenerContainerFactory<?> factory = context.getBean(VirtualThreadListeners.FACTORY, SqsMessageListenerContainerFactory.class);
    return factory.createContainer("listener-defaults-tests");
  }
}
