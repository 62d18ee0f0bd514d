package com.bellyfed.kit.web;

import com.bellyfed.kit.problem.ProblemHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web contract every service gets by depending on service-kit: the one problem handler and the
 * size limits. Before Spring MVC's auto-configuration, whose own problem-details handler steps back
 * when a {@code ResponseEntityExceptionHandler} exists, and before its error controller, whose
 * JSON is not the problem shape.
 */
@AutoConfiguration(
    beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"},
    afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebContractProperties.class)
public class WebContractAutoConfiguration {

  /** Runs before every other filter, so that no one reads an oversized request. */
  static final int LIMITS_ORDER = Ordered.HIGHEST_PRECEDENCE;
  /**
   * After the limits and the filters that only tag a request (correlation ids, query analytics), before
   * Spring Security's chain (order -100), whose bearer token resolver reads a parameter on every request.
   */
  static final int QUERY_STRING_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  @Bean
  @ConditionalOnMissingBean
  ProblemHandler problemHandler(WebContractProperties properties, ObjectProvider<CircuitBreakerRegistry> breakers) {
    return new ProblemHandler(properties.retryAfter(), breakers.getIfAvailable());
  }

  @Bean
  FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(WebContractProperties properties, JsonMapper json) {
    FilterRegistrationBean<RequestLimitsFilter> registration = new FilterRegistrationBean<>(new RequestLimitsFilter(properties, json));
    registration.setOrder(LIMITS_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QueryStringFilter> queryStringFilter(WebContractProperties properties, JsonMapper json) {
    FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter(properties, json));
    registration.setOrder(QUERY_STRING_ORDER);
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
  ProblemErrorController problemErrorController(WebContractProperties properties) {
    return new ProblemErrorController(properties);
  }

  /** Tomcat's answers to requests it refuses before any filter, as problems instead of its HTML page. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({StandardHost.class, TomcatServletWebServerFactory.class})
  static class TomcatErrorReports {

    /** The valve of the service's own Tomcat host, made by Tomcat from the class name. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
      return factory -> factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
      });
    }
  }
}
