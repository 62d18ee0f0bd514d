package com.bellyfed.benchmarks.suite;

import com.bellyfed.testing.processes.LocalAwsAccess;
import com.bellyfed.testing.processes.ServiceProcess;
import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The whole suite as processes: local-aws from its executable jar, then the four service jars at once, each a resource
 * server of local-aws's user pool; the start-up times as a user meets them (launch to ready).
 */
final class Suite implements AutoCloseable {

  /** Page cursors are signed; query, import and analytics do not start without a key. Benchmark only. */
  static final String CURSOR_SECRET = "--bellyfed.paging.cursor-secret=benchmark-only-cursor-secret-0123456789";

  /**
   * The write limits of service-kit's {@code WriteRateLimitFilter} are resilience4j rate-limiter configs
   * ({@code resilience4j.ratelimiter.configs.*}, named by {@code bellyfed.security.rate-limits.rules}): raised so far
   * that no benchmark load reaches them, while the filter still runs its check on every write.
   */
  static final List<String> RAISED_WRITE_LIMITS = List.of(
      "--resilience4j.ratelimiter.configs.writes-per-user.limit-for-period=100000000",
      "--resilience4j.ratelimiter.configs.writes-per-address.limit-for-period=100000000");
  static final List<String> RAISED_IMPORT_LIMITS = List.of(
      "--resilience4j.ratelimiter.configs.imports-per-user.limit-for-period=100000000",
      "--resilience4j.ratelimiter.configs.imports-per-address.limit-for-period=100000000");

  final Topology topology = Topology.bellyfed(Environment.DEV);
  final SuiteLocalAws localAws;
  final Map<String, ServiceProcess> services;
  /** Launch to ready of local-aws, each service (from its own launch) and the suite (local-aws's launch to the last ready). */
  final Map<String, Duration> startup;

  /** Services that failed their first start, and why. */
  final List<String> restarts;

  private Suite(SuiteLocalAws localAws, Map<String, ServiceProcess> services, Map<String, Duration> startup, List<String> restarts) {
    this.localAws = localAws;
    this.services = services;
    this.startup = startup;
    this.restarts = restarts;
  }

  /** Launches one service. */
  @FunctionalInterface
  private interface Launcher {
    ServiceProcess launch() throws IOException;
  }

  static Suite start(Path root, String localAwsHeap, String serviceHeap, String importHeap) throws Exception {
    Path logs = root.resolve("benchmarks/target/suite");
    long launched = System.nanoTime();
    SuiteLocalAws localAws = SuiteLocalAws.start(root.resolve("local-aws/target/local-aws-exec.jar"), localAwsHeap, logs.resolve("local-aws.log"));
    Map<String, ServiceProcess> services = new LinkedHashMap<>();
    Map<String, Duration> startup = new LinkedHashMap<>();
    List<String> restarts = new ArrayList<>();
    try {
      startup.put("local-aws", localAws.awaitReady(Duration.ofMinutes(2)));
      LocalAwsAccess aws = localAws.aws();
      List<String> quiet = List.of(CURSOR_SECRET, "--logging.level.root=WARN");
      Map<String, Launcher> launchers = new LinkedHashMap<>();
      launchers.put("write-service", () -> ServiceProcess.start("write-service", jar(root, "write-service"), aws, logs.resolve("write-service.log"),
          List.of("-Xmx" + serviceHeap), concat(quiet, RAISED_WRITE_LIMITS), command -> command));
      launchers.put("query-service", () -> ServiceProcess.start("query-service", jar(root, "query-service"), aws, logs.resolve("query-service.log"),
          List.of("-Xmx" + serviceHeap), quiet, command -> command));
      launchers.put("import-service", () -> ServiceProcess.start("import-service", jar(root, "import-service"), aws,
          logs.resolve("import-service.log"), List.of("-Xmx" + importHeap), concat(quiet, RAISED_IMPORT_LIMITS), command -> command));
      launchers.put("analytics-service", () -> ServiceProcess.start("analytics-service", jar(root, "analytics-service"), aws,
          logs.resolve("analytics-service.log"), List.of("-Xmx" + serviceHeap), quiet, command -> command));
      for (Map.Entry<String, Launcher> launcher : launchers.entrySet()) {
        services.put(launcher.getKey(), launcher.getValue().launch());
      }
      // Each awaited on its own thread: awaiting one after the other would add the first's wait to the next one's time.
      ExecutorService waiters = Executors.newFixedThreadPool(services.size());
      Map<String, Future<Duration>> ready = new LinkedHashMap<>();
      services.forEach((name, service) -> ready.put(name, waiters.submit(() -> service.awaitReady(Duration.ofMinutes(5)))));
      for (Map.Entry<String, Future<Duration>> entry : ready.entrySet()) {
        String name = entry.getKey();
        try {
          startup.put(name, entry.getValue().get());
        } catch (ExecutionException failed) {
          // Seen on a loaded machine: a service gives up when its SQS client waits over 10 s for a connection at start-up.
          // Launched again once, alone; the report names the failure and times the second start.
          restarts.add(name + " exited during its first start (" + failed.getCause().getMessage() + "); launched again on its own");
          System.out.println("restarting: " + restarts.get(restarts.size() - 1));
          services.get(name).close();
          services.put(name, launchers.get(name).launch());
          startup.put(name, services.get(name).awaitReady(Duration.ofMinutes(5)));
        }
      }
      waiters.shutdown();
      startup.put("suite (all ready)", Duration.ofNanos(System.nanoTime() - launched));
      startup.forEach((name, time) -> System.out.printf("ready: %s in %.1f s%n", name, time.toMillis() / 1000.0));
      return new Suite(localAws, services, startup, restarts);
    } catch (Exception e) {
      close(services, localAws);
      throw e;
    }
  }

  ServiceProcess service(String name) {
    return services.get(name);
  }

  /** Every process of the suite and this benchmark's own JVM (the load), by name, for CPU accounting. */
  CpuShares cpu() {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("local-aws", localAws.pid());
    services.forEach((name, service) -> pids.put(name, service.process().pid()));
    pids.put("benchmark (load)", ProcessHandle.current().pid());
    return new CpuShares(pids);
  }

  /** The module's executable jar: {@code *-exec.jar} where the module also builds a plain one (import-service), else its jar. */
  private static Path jar(Path root, String module) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(module + "/target"))) {
      List<Path> jars = files.filter(file -> file.getFileName().toString().matches(module + "-.*\\.jar")
          && !file.toString().endsWith("-plain.jar") && !file.toString().endsWith("-tests.jar") && !file.toString().endsWith("-sources.jar")).toList();
      return jars.stream().filter(file -> file.toString().endsWith("-exec.jar")).findFirst()
          .or(() -> jars.stream().findFirst())
          .orElseThrow(() -> new IllegalStateException("no " + module + " jar in " + module + "/target: build first"));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Override
  public void close() {
    close(services, localAws);
  }

  private static void close(Map<String, ServiceProcess> services, SuiteLocalAws localAws) {
    for (ServiceProcess service : services.values()) {
      service.close();
    }
    localAws.close();
  }
}
