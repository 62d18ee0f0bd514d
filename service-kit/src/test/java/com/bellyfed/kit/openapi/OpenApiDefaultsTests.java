package com.bellyfed.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The OpenAPI document and Swagger UI are on because the services say so, and a start says nothing about them. */
@ExtendWith(OutputCaptureExtension.class)
class OpenApiDefaultsTests {

  private static final String WARNING = "enabled by default. To disable it in production";

  private final WebApplicationContextRunner springdoc = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
          SpringDocConfiguration.class, SpringDocConfigProperties.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
          SwaggerUiOAuthProperties.class));

  @Test
  void aStartWithTheDefaultsServesBothAndDoesNotWarn(CapturedOutput output) {
    springdoc.withInitializer(context -> new OpenApiDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
        .run(context -> {
          assertThat(context).hasNotFailed();
          context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context.getSourceApplicationContext(), Duration.ZERO));
          assertThat(context.getBean(SpringDocConfigProperties.class).getApiDocs().isEnabled()).isTrue();
          assertThat(context.getBean(SwaggerUiConfigProperties.class).isEnabled()).isTrue();
        });

    assertThat(output).doesNotContain(WARNING);
  }

  /** What the defaults are for: without them springdoc warns about each of the two. */
  @Test
  void withoutThemSpringdocWarnsAtEveryStart(CapturedOutput output) {
    springdoc.run(context -> context.publishEvent(
        new ApplicationReadyEvent(new SpringApplication(), new String[0], context.getSourceApplicationContext(), Duration.ZERO)));

    assertThat(output).contains("/v3/api-docs endpoint is " + WARNING).contains("/swagger-ui.html endpoint is " + WARNING);
  }

  @Test
  void aServicesOwnSettingWins() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of("springdoc.swagger-ui.enabled", "false")));

    new OpenApiDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
  }
}
