package com.bellyfed.kit.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.kit.paging.EnablePaging;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** A service outside the local profiles refuses to start, naming every setting it is missing at once. */
class RequiredSettingsTests {

  /** Without the machine's own environment and system properties: AWS_REGION may be set where the tests run. */
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(context -> {
        context.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        context.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
      })
      .withConfiguration(AutoConfigurations.of(RequiredSettingsAutoConfiguration.class));

  @Test
  void outsideTheLocalProfilesEveryMissingSettingIsNamedInOneMessage() {
    runner.withPropertyValues("spring.profiles.active=prod").run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      assertThat(failure).isInstanceOf(MissingSettingsException.class);
      assertThat(failure.getMessage())
          .contains("active profiles: [prod]")
          .contains("AWS_REGION")
          .contains("bellyfed.security.issuer-uri (BELLYFED_SECURITY_ISSUER_URI)")
          .contains("bellyfed.security.client-ids")
          .contains("profile 'local'")
          // common-events is not on the kit's classpath, and the kit's tests have no paging here
          .doesNotContain("bellyfed.events.environment")
          .doesNotContain("cursor-secret");
    });
  }

  @Test
  void aServiceThatPagesMustHaveItsCursorSecret() {
    runner.withUserConfiguration(Paging.class)
        .withPropertyValues("spring.cloud.aws.region.static=eu-west-1", "bellyfed.security.issuer-uri=https://issuer/pool",
            "bellyfed.security.client-ids=app")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).isInstanceOf(MissingSettingsException.class)
              .hasMessageContaining("bellyfed.paging.cursor-secret (BELLYFED_PAGING_CURSOR_SECRET)")
              .hasMessageNotContaining("AWS_REGION")
              .hasMessageNotContaining("issuer-uri");
        });
  }

  @Test
  void theRegionComesFromAnyLinkOfTheStandardChain() {
    for (String region : new String[] {"AWS_REGION=eu-west-1", "aws.region=eu-west-1", "spring.cloud.aws.region.static=eu-west-1"}) {
      runner.withPropertyValues(region, "bellyfed.security.issuer-uri=https://issuer/pool", "bellyfed.security.client-ids=app")
          .run(context -> assertThat(context).hasNotFailed());
    }
  }

  @Test
  void aServiceCanRequireSettingsOfItsOwn() {
    runner.withPropertyValues("AWS_REGION=eu-west-1", "bellyfed.security.issuer-uri=https://issuer/pool",
            "bellyfed.security.client-ids=app", "bellyfed.settings.also-required=bellyfed.analytics.cursor-secret")
        .run(context -> assertThat(context.getStartupFailure()).hasMessageContaining("bellyfed.analytics.cursor-secret"));
  }

  @Test
  void aServiceWithTheEventRuntimeMustNameItsEnvironment() {
    MockEnvironment environment = new MockEnvironment().withProperty("AWS_REGION", "eu-west-1");
    assertThat(RequiredSettings.missing(environment, true, false, false)).singleElement().asString()
        .startsWith("bellyfed.events.environment (BELLYFED_EVENTS_ENVIRONMENT)");
    environment.setProperty("bellyfed.events.environment", "prod");
    assertThat(RequiredSettings.missing(environment, true, false, false)).isEmpty();
  }

  @Test
  void theLocalAndTestProfilesStartWithoutThem() {
    runner.withPropertyValues("spring.profiles.active=local").run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues("spring.profiles.active=test").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void theRefusalIsReportedAsAFailureAnalysis() {
    MissingSettingsException refused = new MissingSettingsException("missing: AWS_REGION");
    FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(new IllegalStateException(refused));
    assertThat(analysis.getDescription()).isEqualTo("missing: AWS_REGION");
    assertThat(analysis.getAction()).contains("profile 'local'");
  }

  @Configuration(proxyBeanMethods = false)
  @EnablePaging
  static class Paging {}
}
