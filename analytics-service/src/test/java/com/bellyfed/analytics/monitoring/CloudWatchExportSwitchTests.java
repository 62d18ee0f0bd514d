package com.bellyfed.analytics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.autoconfigure.CloudWatchExportAutoConfiguration;
import com.bellyfed.events.autoconfigure.SupersededAutoConfigurations;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The CloudWatch export is switched by the namespace when the service starts, not by a condition (which Spring AOT
 * would fix at build time): the same bean definitions give no CloudWatch registry without a namespace and one with it.
 * A {@link SimpleMeterRegistry} stands for the services' Prometheus registry. (The runtime's own tests have no
 * metrics on their class path, so the rules of its export are tested here, in a service.)
 */
class CloudWatchExportSwitchTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          RegionProviderAutoConfiguration.class, CredentialsProviderAutoConfiguration.class, AwsAutoConfiguration.class,
          MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class, CloudWatchExportAutoConfiguration.class))
      .withBean("scraped", SimpleMeterRegistry.class, SimpleMeterRegistry::new)
      .withPropertyValues("spring.cloud.aws.region.static=eu-west-1", "spring.cloud.aws.credentials.access-key=test",
          "spring.cloud.aws.credentials.secret-key=test", "spring.cloud.aws.endpoint=http://127.0.0.1:9");

  @Test
  void withoutANamespaceThereIsNoCloudWatchRegistryAndEveryMeterIsKeptOnce() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBeanProvider(CloudWatchMeterRegistry.class).getIfAvailable()).isNull();
      MeterRegistry primary = context.getBean(MeterRegistry.class);
      assertThat(primary).isInstanceOf(CompositeMeterRegistry.class);
      assertThat(((CompositeMeterRegistry) primary).getRegistries()).containsExactly(context.getBean("scraped", SimpleMeterRegistry.class));
      primary.counter("bellyfed.test").increment(3);
      assertThat(primary.counter("bellyfed.test").count()).isEqualTo(3);
    });
  }

  @Test
  void aNamespaceSetWhenTheServiceStartsAddsTheCloudWatchRegistryWithItsSettings() {
    runner
        .withPropertyValues("management.cloudwatch.metrics.export.namespace=Bellyfed/prod", "management.cloudwatch.metrics.export.step=30s",
            // Not sending: the endpoint above answers nothing.
            "management.cloudwatch.metrics.export.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed();
          CloudWatchMeterRegistry cloudWatch = context.getBean(CloudWatchMeterRegistry.class);
          CloudWatchConfig settings = ((CloudWatchExportAutoConfiguration.ClientClosingRegistry) cloudWatch).settings();
          assertThat(settings.namespace()).isEqualTo("Bellyfed/prod");
          assertThat(settings.step()).isEqualTo(Duration.ofSeconds(30));
          assertThat(settings.enabled()).isFalse();
          assertThat(((CompositeMeterRegistry) context.getBean(MeterRegistry.class)).getRegistries())
              .contains(cloudWatch, context.getBean("scraped", SimpleMeterRegistry.class));
        });
  }

  @Test
  void springCloudAwsOwnExportIsLeftOutSoThatItsConditionCannotDecide() {
    String[] candidates = {"io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration",
        CloudWatchExportAutoConfiguration.class.getName(), "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration", null};

    assertThat(new SupersededAutoConfigurations().match(candidates, null)).containsExactly(false, true, true, true);
  }
}
