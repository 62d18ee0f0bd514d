package com.bellyfed.events.listener;

import com.bellyfed.events.autoconfigure.EventsAutoConfiguration;
import com.bellyfed.events.autoconfigure.ResilienceDefaults;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The event runtime with Spring Cloud AWS's SQS support and the services' defaults, as a service gets them, for
 * contexts that make no AWS call (the endpoint is a port nothing listens on).
 */
final class ListenerContexts {

  private ListenerContexts() {}

  static ApplicationContextRunner eventsWithSqs() {
    return new ApplicationContextRunner()
        .withInitializer(context -> {
          new ResilienceDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
          new ListenerDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
        })
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
  }
}
