package com.bellyfed.query.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether API requests emit their QUERY analytics event, under {@code bellyfed.query.analytics}.
 * The defaults emit one for every request, as the analytics flow expects.
 *
 * @param enabled false leaves the analytics filter out of the servlet chain, for operators who must shed the
 *     side effect's load (each event is a PutEvents entry and two SQS deliveries downstream)
 * @param sampleRate the share of requests, 0 to 1, whose event is emitted; below 1 the analytics
 *     counts are a sample and must be scaled by {@code 1 / sampleRate}
 */
@ConfigurationProperties("bellyfed.query.analytics")
public record QueryAnalyticsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1.0") double sampleRate) {

  public QueryAnalyticsProperties {
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("bellyfed.query.analytics.sample-rate must be between 0 and 1, was " + sampleRate);
    }
  }
}
