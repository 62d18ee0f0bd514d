package com.bellyfed.events.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The observability settings every Bellyfed service shares, set once here rather than in four
 * {@code application.yml}s: every meter tagged with {@code application} and {@code environment};
 * percentile histograms for {@code http.server.requests}, with a bucket at the 100 ms the seeds set
 * as p95 target; W3C trace context; JSON (ECS) log lines.
 *
 * <p>They are defaults: the property source goes last, so a service's own configuration, a profile
 * or an environment variable overrides each of them. Log lines are JSON unless
 * {@code bellyfed.logging.format=plain} (e.g. {@code BELLYFED_LOGGING_FORMAT=plain} on a laptop):
 * a deployment that forgets a setting should still ship lines a log pipeline can parse, with the
 * correlation, event and trace ids as fields; a person reading a terminal asks for text.
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "bellyfedObservabilityDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("management.metrics.tags.application", "${spring.application.name:unknown}");
    defaults.put("management.metrics.tags.environment", "${bellyfed.events.environment:dev}");
    defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
    // Exact bucket bounds at the thresholds people ask about; 100 ms is the seeds' p95 target.
    defaults.put("management.metrics.distribution.slo.http.server.requests", "25ms,50ms,100ms,250ms,500ms,1s");
    defaults.put("management.metrics.distribution.minimum-expected-value.http.server.requests", "1ms");
    defaults.put("management.metrics.distribution.maximum-expected-value.http.server.requests", "10s");
    defaults.put("management.tracing.propagation.type", "w3c");
    if (!"plain".equalsIgnoreCase(environment.getProperty("bellyfed.logging.format", "json"))) {
      defaults.put("logging.structured.format.console", "ecs");
    }
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
  }
}
