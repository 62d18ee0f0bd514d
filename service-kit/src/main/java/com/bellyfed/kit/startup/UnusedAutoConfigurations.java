package com.bellyfed.kit.startup;

import java.util.Set;

/**
 * Leaves out, in every service, auto-configurations whose beans no Bellyfed service uses but every start pays for
 * (issue 19's start-up, docs/deployment.md): their beans are built, bound and post-processed at each start.
 *
 * <ul>
 *   <li>Tomcat's metrics: the services are stateless (no HTTP session is ever created), so its only meters, the six
 *       {@code tomcat.sessions.*}, stay 0 (Tomcat's request meters need its MBean registry, which Boot leaves off); and
 *       its binder starts the platform MBean server, with JFR's diagnostic commands, in every start.
 *   <li>Resilience4j's bulkheads, time limiters and timers: the services declare circuit breakers, rate limiters and
 *       retries only ({@code Declared}); the rest are empty registries with their event consumers and metrics.
 * </ul>
 */
public final class UnusedAutoConfigurations extends LeftOutAutoConfigurations {

  static final Set<String> UNUSED = Set.of(
      "org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration",
      "io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration",
      "io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadMetricsAutoConfiguration",
      "io.github.resilience4j.springboot.bulkhead.autoconfigure.ThreadPoolBulkheadMetricsAutoConfiguration",
      "io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
      "io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterMetricsAutoConfiguration",
      "io.github.resilience4j.springboot.micrometer.autoconfigure.TimerAutoConfiguration");

  public UnusedAutoConfigurations() {
    super(UNUSED);
  }
}
