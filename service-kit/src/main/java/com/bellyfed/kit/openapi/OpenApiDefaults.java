package com.bellyfed.kit.openapi;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every service serves its OpenAPI document and Swagger UI, to anyone (docs/security.md): said here, once. springdoc
 * serves both when nothing is said, but then warns at every start, twice, that they are on "by default" and should be
 * turned off in production, the only WARN lines of a healthy start. Defaults: the property source goes last, so a
 * service's configuration or the environment overrides them (in the images only to the same effect: Spring AOT fixed
 * springdoc's conditions at build time, decision 68).
 */
public final class OpenApiDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "bellyfedOpenApiDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
        Map.of("springdoc.api-docs.enabled", "true", "springdoc.swagger-ui.enabled", "true")));
  }
}
