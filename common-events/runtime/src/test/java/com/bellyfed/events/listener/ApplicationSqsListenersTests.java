package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.sqs.annotation.SqsListenerAnnotationBeanPostProcessor;
import io.awspring.cloud.sqs.config.SqsBeanNames;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Which {@code @SqsListener} post-processor a service gets, and which classes it looks past. That it still finds an
 * application's listeners, which then receive from real queues, is what {@link SqsEventListenersIntegrationTests}
 * shows with its own.
 */
class ApplicationSqsListenersTests {

  private final ApplicationContextRunner runner = ListenerContexts.eventsWithSqs();

  @Test
  void aServiceGetsThePostProcessorThatLooksPastLibraries() {
    runner.run(context -> assertThat(context.getBean(SqsBeanNames.SQS_LISTENER_ANNOTATION_BEAN_POST_PROCESSOR_BEAN_NAME))
        .isInstanceOf(ApplicationSqsListeners.class));
  }

  @Test
  void aServiceThatDefinesThePostProcessorItselfKeepsItsOwn() {
    runner.withUserConfiguration(OwnPostProcessor.class)
        .run(context -> assertThat(context.getBean(SqsBeanNames.SQS_LISTENER_ANNOTATION_BEAN_POST_PROCESSOR_BEAN_NAME))
            .isExactlyInstanceOf(SqsListenerAnnotationBeanPostProcessor.class));
  }

  @Test
  void librariesClassesAreLeftOutAndEveryOtherPackageIsLookedAt() {
    assertThat(ApplicationSqsListeners.fromLibrary(SqsTemplate.class)).isTrue();
    assertThat(ApplicationSqsListeners.fromLibrary(SqsAsyncClient.class)).isTrue();
    assertThat(ApplicationSqsListeners.fromLibrary(OncePerRequestFilter.class)).isTrue();
    assertThat(ApplicationSqsListeners.fromLibrary(SimpleMeterRegistry.class)).isTrue();
    assertThat(ApplicationSqsListeners.fromLibrary(String.class)).isTrue();

    assertThat(ApplicationSqsListeners.fromLibrary(SqsEventListeners.class)).isFalse();
    assertThat(ApplicationSqsListeners.fromLibrary(ApplicationSqsListenersTests.class)).isFalse();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnPostProcessor {

    @Bean(SqsBeanNames.SQS_LISTENER_ANNOTATION_BEAN_POST_PROCESSOR_BEAN_NAME)
    static SqsListenerAnnotationBeanPostProcessor sqsListenerAnnotationBeanPostProcessor() {
      return new SqsListenerAnnotationBeanPostProcessor();
    }
  }
}
