package com.bellyfed.localaws.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.cognito.ProvisionedPool;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

@LocalAwsTest
class LocalAwsContextCustomizerIntegrationTests {

  @Test
  void aSpringContextGetsThePoolsIssuerAndClientAheadOfTheApplicationsConfiguration(ProvisionedPool pool) {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("application.yml", Map.of("bellyfed.security.issuer-uri", "http://localhost:4566/wrong")));

      new LocalAwsContextCustomizerFactory.LocalAwsContextCustomizer().customizeContext(context, null);

      assertThat(context.getEnvironment().getProperty("bellyfed.security.issuer-uri")).isEqualTo(pool.issuer().toString());
      assertThat(context.getEnvironment().getProperty("bellyfed.security.client-ids")).isEqualTo(pool.clientId());
    }
  }

  @Test
  void aTestsInlinedPropertiesStillWin(ProvisionedPool pool) {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("Inlined Test Properties", Map.of("bellyfed.security.client-ids", "another-client")));

      new LocalAwsContextCustomizerFactory.LocalAwsContextCustomizer().customizeContext(context, null);

      assertThat(context.getEnvironment().getProperty("bellyfed.security.client-ids")).isEqualTo("another-client");
      assertThat(context.getEnvironment().getProperty("bellyfed.security.issuer-uri")).isEqualTo(pool.issuer().toString());
    }
  }
}
