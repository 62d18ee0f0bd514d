package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class ResourceServerAutoConfigurationTests {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withPropertyValues("spring.profiles.active=test")
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ResourceServerAutoConfiguration.class));

  @Test
  void startsWhileTheIssuerIsUnreachable() {
    // Port 9 (discard) on loopback: nothing answers. Keys are read when the first token arrives.
    runner.withPropertyValues("bellyfed.security.issuer-uri=http://127.0.0.1:9/eu-west-1_Down", "bellyfed.security.client-ids=app")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(JwtDecoder.class).hasBean("bellyfedSecurityFilterChain");
          assertThat(context).getBeans(SecurityFilterChain.class).hasSize(1);
        });
  }

  @Test
  void refusesToStartWithoutIssuerAndClientsNamingBoth() {
    runner.run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("bellyfed.security.issuer-uri")
        .hasMessageContaining("bellyfed.security.client-ids"));
  }

  @Test
  void refusesOriginPatternsBecauseCredentialsAreAllowed() {
    runner.withPropertyValues("bellyfed.security.issuer-uri=http://127.0.0.1:9/pool", "bellyfed.security.client-ids=app",
            "bellyfed.security.cors.allowed-origins=https://*.example.com")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("exact origins"));
  }

  @Test
  void refusesARateLimitRuleNamingAnUndeclaredConfig() {
    runner.withPropertyValues("bellyfed.security.issuer-uri=http://127.0.0.1:9/pool", "bellyfed.security.client-ids=app",
            "bellyfed.security.rate-limits.rules[0].path=/users/**", "bellyfed.security.rate-limits.rules[0].per-user=nowhere")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("[nowhere]").hasMessageContaining("resilience4j.ratelimiter.configs"));
  }
}
