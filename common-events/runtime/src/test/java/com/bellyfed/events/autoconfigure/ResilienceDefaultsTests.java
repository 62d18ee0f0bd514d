package com.bellyfed.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.kit.backoff.Backoff;
import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import com.bellyfed.kit.resilience.TryAgain;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The breakers and retries the runtime declares in resilience4j.*, as Resilience4j's starter builds them. */
class ResilienceDefaultsTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(context -> new ResilienceDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
      .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class, RateLimiterAutoConfiguration.class));

  @Test
  void declaresTheEventBridgeBreakerCountingOutagesOnly() {
    runner.run(context -> {
      CircuitBreakerConfig config =
          Declared.circuitBreaker(context.getBean(CircuitBreakerRegistry.class), "eventbridge").getCircuitBreakerConfig();

      assertThat(config.getSlidingWindowSize()).isEqualTo(20);
      assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
      assertThat(config.getFailureRateThreshold()).isEqualTo(50);
      assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5_000);
      assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
      assertThat(config.getRecordExceptionPredicate().test(SdkClientException.create("down", new ConnectException()))).isTrue();
      assertThat(config.getRecordExceptionPredicate().test(DynamoDbException.builder().statusCode(400).message("invalid").build()))
          .as("a request refused as invalid is no outage")
          .isFalse();
    });
  }

  @Test
  void declaresThePublishersRetryAsJitteredExponentialBackoff() {
    runner.run(context -> {
      Backoff backoff = Declared.backoff(context.getBean(RetryRegistry.class), "eventbridge");

      assertThat(backoff.maxAttempts()).isEqualTo(3);
      for (int sample = 0; sample < 100; sample++) {
        assertThat(backoff.delayBefore(1).toMillis()).isBetween(25L, 75L);
        assertThat(backoff.delayBefore(2).toMillis()).isBetween(50L, 150L);
      }
    });
  }

  @Test
  void aDeclaredRetryRetriesOnlyWhatItsAttemptAsksFor() {
    runner.withPropertyValues("resilience4j.retry.instances.ratings.max-attempts=4").run(context -> {
      var predicate = Declared.retry(context.getBean(RetryRegistry.class), "ratings").getRetryConfig().getExceptionPredicate();

      assertThat(predicate.test(new TryAgain(new IllegalStateException("lost a compare-and-set")))).isTrue();
      assertThat(predicate.test(DynamoDbException.builder().statusCode(400).message("invalid").build())).isFalse();
    });
  }

  @Test
  void declaresTheErrorReportsLimitAsTenAMinuteWithoutWaiting() {
    runner.run(context -> {
      RateLimiterConfig config = Declared.rateLimiter(context.getBean(RateLimiterRegistry.class), "errors").getRateLimiterConfig();

      assertThat(config.getLimitForPeriod()).isEqualTo(10);
      assertThat(config.getLimitRefreshPeriod()).isEqualTo(Duration.ofMinutes(1));
      assertThat(config.getTimeoutDuration()).isZero();
    });
  }

  @Test
  void aListenersDependencyCircuitProbesOnceAfterWaitsThatDoubleUpToAMinute() {
    runner.withPropertyValues("resilience4j.circuitbreaker.instances.dynamodb.base-config=dependency").run(context -> {
      CircuitBreakerConfig config =
          Declared.circuitBreaker(context.getBean(CircuitBreakerRegistry.class), "dynamodb").getCircuitBreakerConfig();

      assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(1);
      assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(2_000);
      assertThat(config.getWaitIntervalFunctionInOpenState().apply(2)).isEqualTo(4_000);
      assertThat(config.getWaitIntervalFunctionInOpenState().apply(10)).isEqualTo(60_000);
      assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
      assertThat(config.getRecordExceptionPredicate().test(DynamoDbException.builder().statusCode(400).message("invalid").build())).isFalse();
    });
  }

  @Test
  void aListenersDependencyCircuitOpensOnOutagesOnlyAndNeedsTenCallsBeforeItJudges() {
    runner.withPropertyValues(
            "resilience4j.circuitbreaker.instances.refusals.base-config=dependency",
            "resilience4j.circuitbreaker.instances.outages.base-config=dependency")
        .run(context -> {
          CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
          CircuitBreaker refusals = Declared.circuitBreaker(registry, "refusals");
          CircuitBreaker outages = Declared.circuitBreaker(registry, "outages");

          for (int i = 0; i < 9; i++) {
            refusals.onError(1, TimeUnit.MILLISECONDS, ConditionalCheckFailedException.builder().statusCode(400).message("refused").build());
            outages.onError(1, TimeUnit.MILLISECONDS, DynamoDbException.builder().statusCode(503).message("down").build());
          }
          assertThat(outages.getState()).as("nine calls are too few to judge").isEqualTo(CircuitBreaker.State.CLOSED);

          refusals.onError(1, TimeUnit.MILLISECONDS, ConditionalCheckFailedException.builder().statusCode(400).message("refused").build());
          outages.onError(1, TimeUnit.MILLISECONDS, DynamoDbException.builder().statusCode(503).message("down").build());
          assertThat(refusals.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
          assertThat(outages.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        });
  }

  @Test
  void environmentVariablesTuneTheDeclaredInstances() {
    runner
        .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "RESILIENCE4J_CIRCUITBREAKER_INSTANCES_EVENTBRIDGE_WAITDURATIONINOPENSTATE", "7s",
                "RESILIENCE4J_RETRY_INSTANCES_EVENTBRIDGE_MAXATTEMPTS", "5"))))
        .run(context -> {
          CircuitBreakerConfig config =
              Declared.circuitBreaker(context.getBean(CircuitBreakerRegistry.class), "eventbridge").getCircuitBreakerConfig();

          assertThat(Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1))).isEqualTo(Duration.ofSeconds(7));
          assertThat(config.getSlidingWindowSize()).as("the rest of the declaration stays").isEqualTo(20);
          assertThat(Declared.backoff(context.getBean(RetryRegistry.class), "eventbridge").maxAttempts()).isEqualTo(5);
          assertThat(context.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers()).hasSize(1);
        });
  }
}
