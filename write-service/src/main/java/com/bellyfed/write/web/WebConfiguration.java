package com.bellyfed.write.web;

import com.bellyfed.write.writing.WriteAnalytics;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the write analytics for the REST API. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final WriteAnalytics analytics;

  WebConfiguration(WriteAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new WriteAnalyticsInterceptor(analytics)).addPathPatterns("/api/**");
  }
}
