package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.autoconfigure.EventsAutoConfiguration;
import com.bellyfed.events.autoconfigure.ResilienceDefaults;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.awspring.cloud.sqs.annotation.SqsListenerAnnotationBeanPostProcessor;
import io.awspring.cloud.sqs.config.SqsBeanNames;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
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

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(context -> new ResilienceDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
      .withConfiguration(AutoConfigurations.of(
          RegionProviderAutoConfiguration.class, CredentialsProviderAutoConfiguration.class, AwsAutoConfiguration.class,
          SqsAutoConfiguration.class, CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class, RateLimiterAutoConfiguration.class,
          EventsAutoConfiguration.class))
      .withPropertyValues(
          "bellyfed.events.outbox.relay-enabled=false",
          "spring.cloud.aws.region.static=us-east-1",
          "spring.cloud.aws.endpoint=http://localhost:45660",
          "spring.cloud.aws.credentials.access-key=test",
          "spring.cloud.aws.credentials.secret-key=test");

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
