package com.bellyfed.query.analytics;

import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts the analytics filter around the API (not Actuator or the OpenAPI document), unless
 * {@code bellyfed.query.analytics.enabled} is false. The switch disables the registration rather than being a
 * condition on the bean: the images run Spring AOT, which evaluates conditions once, at build time, so a condition
 * would ignore the switch set on a running deployment.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryAnalyticsProperties.class)
class AnalyticsConfiguration {

  @Bean
  FilterRegistrationBean<QueryAnalyticsFilter> queryAnalyticsFilter(
      AnalyticsRecorder recorder, QueryAnalyticsProperties properties, Environment environment) {
    FilterRegistrationBean<QueryAnalyticsFilter> registration =
        new FilterRegistrationBean<>(
            new QueryAnalyticsFilter(
                recorder,
                environment.getProperty("spring.application.name", "query-service"),
                environment.getProperty("info.app.version", "0.1.0"),
                properties.sampleRate()));
    registration.addUrlPatterns("/api/*");
    registration.setEnabled(properties.enabled());
    // Inside the correlation filter, so the event carries the request's correlation id.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
