package com.bellyfed.events.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code bellyfed/resilience4j-defaults.yml} as the last property source: the declarations of
 * the breakers and retries the runtime uses ({@code eventbridge}) and the shared configurations the
 * services' own instances build on ({@code default}, {@code dependency}). Last, so that anything a
 * service or its environment says wins.
 */
public class ResilienceDefaults implements EnvironmentPostProcessor {

  static final String NAME = "bellyfed-resilience4j-defaults";
  private static final String LOCATION = "bellyfed/resilience4j-defaults.yml";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(NAME)) {
      return;
    }
    try {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(NAME, new ClassPathResource(LOCATION, ResilienceDefaults.class.getClassLoader()));
      sources.forEach(environment.getPropertySources()::addLast);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + LOCATION, e);
    }
  }
}
