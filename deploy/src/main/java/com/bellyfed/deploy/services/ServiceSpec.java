package com.bellyfed.deploy.services;

import java.util.List;

/**
 * How one service runs in any deployment (ECS, the chart, compose), so that they cannot differ.
 *
 * @param name the service's name ({@code spring.application.name})
 * @param port the API port
 * @param managementPort actuator's port, kept private: probes and Prometheus only
 * @param cpuUnits Fargate CPU units (1024 = one vCPU)
 * @param memoryMiB the container's memory; the heap takes {@link #HEAP_PERCENT} of it
 * @param pages whether the service signs paging cursors, and so needs the cursor secret
 */
public record ServiceSpec(String name, int port, int managementPort, int cpuUnits, int memoryMiB, boolean pages) {

  /** The readiness probe on the management port (Spring Boot's availability groups). */
  public static final String READINESS = "/actuator/health/readiness";

  public static final String LIVENESS = "/actuator/health/liveness";

  /** Heap as a share of the container's memory: the rest is metaspace, threads, direct buffers and the JIT. */
  public static final int HEAP_PERCENT = 70;

  /** The unprivileged user the images run as. */
  public static final int USER_ID = 10001;

  public static final List<ServiceSpec> ALL = List.of(
      new ServiceSpec("query-service", 8081, 9081, 512, 1024, true),
      new ServiceSpec("write-service", 8082, 9082, 512, 1024, false),
      new ServiceSpec("import-service", 8083, 9083, 1024, 2048, true),
      new ServiceSpec("analytics-service", 8084, 9084, 512, 1024, true));

  /** The SSM parameter holding the environment's cursor secret (a SecureString). */
  public static String cursorSecretParameter(String environment) {
    return "/bellyfed/" + environment + "/paging-cursor-secret";
  }

  public String logGroup(String environment) {
    return "/bellyfed/" + environment + "/" + name;
  }

  public String readinessUrl() {
    return "http://localhost:" + managementPort + READINESS;
  }
}
