package com.bellyfed.benchmarks;

import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One service started from its jar as a child process against the benchmark's in-process local-aws,
 * as a resource server of local-aws's user pool (docs/security.md): the API on one port, actuator
 * (readiness, Prometheus) on the management port, which the service's port no longer serves.
 *
 * <p>It runs with the profile {@code local}, so the required-settings check accepts local-aws's
 * defaults (environment {@code dev}); the issuer and client id are the pool's, so the benchmark's
 * tokens from {@link LocalAws#signIn} are checked as in production.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private final int managementPort;
  private final long launched;

  private ServiceProcess(String name, Process process, Path log, int port, int managementPort, long launched) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.managementPort = managementPort;
    this.launched = launched;
  }

  /** Starts {@code jar} with the JVM options before it and the service's own settings after the common ones. */
  public static ServiceProcess start(String name, Path jar, LocalAws localAws, Path log, List<String> jvmOptions, List<String> settings)
      throws IOException {
    return start(name, jar, localAws, log, jvmOptions, settings, UnaryOperator.identity());
  }

  /** As {@link #start(String, Path, LocalAws, Path, List, List)}, the command line passed through {@code wrap} (e.g. {@code taskset}). */
  public static ServiceProcess start(String name, Path jar, LocalAws localAws, Path log, List<String> jvmOptions, List<String> settings,
      UnaryOperator<List<String>> wrap) throws IOException {
    return start(name, jar, new Aws(localAws.endpoint(), localAws.region().id(), localAws.userPool().issuer().toString(), localAws.userPool().clientId()),
        log, jvmOptions, settings, wrap);
  }

  /**
   * Where a service finds AWS and whose tokens it accepts: an in-process local-aws or local-aws running as its own process.
   *
   * @param issuer the user pool's issuer URI
   * @param clientId the pool's app client
   */
  public record Aws(URI endpoint, String region, String issuer, String clientId) {}

  /** Starts {@code jar} against {@code aws}, the JVM options before it and the service's own settings after the common ones. */
  public static ServiceProcess start(String name, Path jar, Aws aws, Path log, List<String> jvmOptions, List<String> settings,
      UnaryOperator<List<String>> wrap) throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + port,
        "--management.server.port=" + managementPort,
        "--spring.profiles.active=local",
        "--bellyfed.security.issuer-uri=" + aws.issuer(),
        "--bellyfed.security.client-ids=" + aws.clientId(),
        "--spring.cloud.aws.endpoint=" + aws.endpoint(),
        "--spring.cloud.aws.region.static=" + aws.region(),
        "--spring.cloud.aws.credentials.access-key=local",
        "--spring.cloud.aws.credentials.secret-key=local"));
    command.addAll(settings);
    Files.createDirectories(log.toAbsolutePath().getParent());
    System.out.println("starting " + name + " from " + jar.getFileName() + ", log in " + log);
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(wrap.apply(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ServiceProcess(name, process, log, port, managementPort, launched);
  }

  /** The service's API, {@code http://127.0.0.1:<port>}. */
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits until the readiness probe on the management port answers 200; returns the time since launch. */
  public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpRequest ready = HttpRequest.newBuilder(management("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
    long deadline = launched + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - launched);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      // Polling a process we do not control: nothing to await on. Short, as the start-up time is measured.
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
  }

  /** The body of an actuator endpoint on the management port, e.g. {@code /actuator/prometheus}. */
  public String actuator(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(management(path)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(name + " answered " + response.statusCode() + " on " + path);
    }
    return response.body();
  }

  public String name() {
    return name;
  }

  /** The operating system's process id, for CPU accounting. */
  public long pid() {
    return process.pid();
  }

  /** CPU time the process used so far, in nanoseconds (user + system, all threads). */
  public long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Stops the service (SIGTERM, so that a JFR recording is dumped) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private URI management(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
