package com.bellyfed.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** spring.cloud.aws.* is the one place for the endpoint and region of every client the runtime builds. */
class AwsClientsConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(context -> new ResilienceDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
      .withConfiguration(AutoConfigurations.of(
          RegionProviderAutoConfiguration.class, CredentialsProviderAutoConfiguration.class, AwsAutoConfiguration.class,
          SqsAutoConfiguration.class, CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class, RateLimiterAutoConfiguration.class, EventsAutoConfiguration.class))
      .withPropertyValues(
          "bellyfed.events.outbox.relay-enabled=false",
          "spring.cloud.aws.credentials.access-key=test",
          "spring.cloud.aws.credentials.secret-key=test");

  @Test
  void everyClientTakesSpringCloudAwsEndpointAndRegion() {
    runner
        .withPropertyValues("spring.cloud.aws.endpoint=http://localhost:45660", "spring.cloud.aws.region.static=eu-west-3")
        .run(context -> {
          for (AwsServiceClientConfiguration client : configurations(context.getBean(EventBridgeClient.class), context.getBean(SqsClient.class),
              context.getBean(DynamoDbClient.class))) {
            assertThat(client.region()).isEqualTo(Region.EU_WEST_3);
            assertThat(client.endpointOverride()).contains(URI.create("http://localhost:45660"));
          }
        });
  }

  @Test
  void withoutAStaticRegionTheSdksChainDecidesSoThatAwsRegionIsHonoured() {
    // The chain reads the aws.region system property before AWS_REGION; the property is what a test can set.
    String previous = System.setProperty("aws.region", "ap-southeast-1");
    try {
      runner.run(context -> {
        assertThat(context.getBean(EventBridgeClient.class).serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTHEAST_1);
        assertThat(context.getBean(EventBridgeClient.class).serviceClientConfiguration().endpointOverride()).isEmpty();
      });
    } finally {
      if (previous == null) {
        System.clearProperty("aws.region");
      } else {
        System.setProperty("aws.region", previous);
      }
    }
  }

  private static List<AwsServiceClientConfiguration> configurations(EventBridgeClient events, SqsClient sqs, DynamoDbClient dynamoDb) {
    return List.of(events.serviceClientConfiguration(), sqs.serviceClientConfiguration(), dynamoDb.serviceClientConfiguration());
  }
}
