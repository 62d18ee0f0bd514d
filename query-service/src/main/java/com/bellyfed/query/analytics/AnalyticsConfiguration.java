package com.bellyfed.query.analytics;

import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Puts the analytics filter around the API (not Actuator or the OpenAPI document). */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

  @Bean
  FilterRegistrationBean<QueryAnalyticsFilter> queryAnalyticsFilter(AnalyticsRecorder recorder, Environment environment) {
    FilterRegistrationBean<QueryAnalyticsFilter> registration =
        new FilterRegistrationBean<>(
            new QueryAnalyticsFilter(
                recorder,
                environment.getProperty("spring.application.name", "query-service"),
                environment.getProperty("info.app.version", "0.1.0")));
    registration.addUrlPatterns("/api/*");
    // Inside the correlation filter, so the event carries the request's correlation id.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
