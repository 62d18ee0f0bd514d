package com.bellyfed.events.autoconfigure;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchProperties;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchRegistryProperties;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.properties.StepRegistryPropertiesConfigAdapter;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;

/**
 * The services' meters in CloudWatch, on when {@code management.cloudwatch.metrics.export.namespace} is set, as
 * with Spring Cloud AWS's own auto-configuration (which {@link SupersededAutoConfigurations} leaves out), but
 * decided when the service starts rather than by a condition. The images run Spring AOT, which evaluates every condition once, at build time, while an ECS
 * task or the chart sets the namespace at run time: a condition would fix the export off (or on) in the image.
 * Without a namespace the bean is Spring's null bean, which Boot's composite registry leaves out, so no meter is
 * recorded a second time for nothing and the composite's counts stay the Prometheus registry's.
 */
@AutoConfiguration(
    after = MetricsAutoConfiguration.class,
    before = CompositeMeterRegistryAutoConfiguration.class)
// Beside the Prometheus registry the services are scraped from: the null bean counts as a registry for Boot's
// conditions, so alone it would keep Boot's fallback SimpleMeterRegistry out.
@ConditionalOnClass(
    value = {CloudWatchMeterRegistry.class, CloudWatchAsyncClient.class, AwsClientBuilderConfigurer.class, MetricsAutoConfiguration.class},
    name = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
@EnableConfigurationProperties({CloudWatchRegistryProperties.class, CloudWatchProperties.class})
public class CloudWatchExportAutoConfiguration {

  /** Null (no registry) without a namespace; closed with the context, which sends the last step's values. */
  @Bean
  @Nullable CloudWatchMeterRegistry cloudWatchMeterRegistry(
      CloudWatchRegistryProperties registry, CloudWatchProperties client, ObjectProvider<Clock> clock, AwsClientBuilderConfigurer configurer,
      ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsAsyncClientCustomizer> customizers) {
    if (!StringUtils.hasText(registry.getNamespace())) {
      return null;
    }
    CloudWatchAsyncClient cloudWatch = configurer.configureAsyncClient(CloudWatchAsyncClient.builder(), client,
        connectionDetails.getIfAvailable(), Stream.<AwsClientCustomizer<CloudWatchAsyncClientBuilder>>empty(),
        customizers.orderedStream()).build();
    return new ClientClosingRegistry(new Settings(registry), clock.getIfAvailable(() -> Clock.SYSTEM), cloudWatch);
  }

  /** The {@code management.cloudwatch.metrics.export.*} settings, as Micrometer reads them. */
  static final class Settings extends StepRegistryPropertiesConfigAdapter<CloudWatchRegistryProperties> implements CloudWatchConfig {

    Settings(CloudWatchRegistryProperties properties) {
      super(properties);
    }

    @Override
    public String prefix() {
      return "management.cloudwatch.metrics.export";
    }

    @Override
    public String namespace() {
      return get(CloudWatchRegistryProperties::getNamespace, CloudWatchConfig.super::namespace);
    }

    @Override
    public int batchSize() {
      return get(CloudWatchRegistryProperties::getBatchSize, CloudWatchConfig.super::batchSize);
    }
  }

  /** The registry owns its client here (it is no bean of its own), so it closes it after the last publication. */
  public static final class ClientClosingRegistry extends CloudWatchMeterRegistry {

    private final CloudWatchConfig settings;
    private final CloudWatchAsyncClient client;

    ClientClosingRegistry(CloudWatchConfig settings, Clock clock, CloudWatchAsyncClient client) {
      super(settings, clock, client);
      this.settings = settings;
      this.client = client;
    }

    /** What it was built with, for tests: Micrometer's registry does not give its config back. */
    public CloudWatchConfig settings() {
      return settings;
    }

    @Override
    public void close() {
      try {
        super.close();
      } finally {
        client.close();
      }
    }
  }
}
