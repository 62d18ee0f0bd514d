package com.bellyfed.testing.processes;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One service started from its Spring Boot jar as a child process against a local-aws, as a resource server
 * of local-aws's user pool (docs/security.md): the API on one free port, actuator (readiness, Prometheus)
 * on a free management port, which the service's port does not serve. What the system tests and the
 * benchmarks start their services with.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final ChildProcess child;
  private final int port;
  private final int managementPort;

  private ServiceProcess(ChildProcess child, int port, int managementPort) {
    this.child = child;
    this.port = port;
    this.managementPort = managementPort;
  }

  /** Starts {@code jar} with the JVM options before it and the service's own settings after the common ones. */
  public static ServiceProcess start(String name, Path jar, LocalAwsAccess localAws, Path log, List<String> jvmOptions, List<String> settings) {
    return start(name, jar, localAws, log, jvmOptions, settings, UnaryOperator.identity());
  }

  /** As {@link #start(String, Path, LocalAwsAccess, Path, List, List)}, the command line passed through {@code wrap}. */
  public static ServiceProcess start(String name, Path jar, LocalAwsAccess localAws, Path log, List<String> jvmOptions, List<String> settings,
      UnaryOperator<List<String>> wrap) {
    return start(name, jar, localAws, log, jvmOptions, settings, wrap, ChildProcess.freePort(), ChildProcess.freePort());
  }

  private static ServiceProcess start(String name, Path jar, LocalAwsAccess localAws, Path log, List<String> jvmOptions, List<String> settings,
      UnaryOperator<List<String>> wrap, int port, int managementPort) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--management.server.port=" + managementPort,
        "--management.server.address=127.0.0.1"));
    arguments.addAll(localAws.serviceArguments());
    arguments.addAll(settings);
    return new ServiceProcess(ChildProcess.startJar(name, jar, log, jvmOptions, arguments, wrap), port, managementPort);
  }

  /** The same service started again on the same ports, e.g. after {@link #kill()}. */
  public ServiceProcess restart(Path jar, LocalAwsAccess localAws, List<String> jvmOptions, List<String> settings) {
    return start(child.name(), jar, localAws, child.log(), jvmOptions, settings, UnaryOperator.identity(), port, managementPort);
  }

  public String name() {
    return child.name();
  }

  /** The service's API, {@code http://127.0.0.1:<port>}. */
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int managementPort() {
    return managementPort;
  }

  public Path log() {
    return child.log();
  }

  public ChildProcess process() {
    return child;
  }

  /** Waits until the readiness probe on the management port answers 200; returns the time since launch. */
  public Duration awaitReady(Duration timeout) {
    HttpRequest ready = HttpRequest.newBuilder(management("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
    // Polled often, as benchmarks measure the start-up time with it.
    await(child.name() + " ready (log: " + child.log() + ")")
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .failFast(child.name() + " exited; see " + child.log(), () -> !child.isAlive())
        .ignoreExceptions()
        .until(() -> HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    return child.sinceLaunch();
  }

  /** One look at the readiness probe: true when it answers 200; fails when the process is gone. */
  public boolean isReady() {
    child.checkAlive();
    try {
      HttpRequest ready = HttpRequest.newBuilder(management("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The body of an actuator endpoint on the management port, e.g. {@code /actuator/prometheus}. */
  public String actuator(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(management(path)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(child.name() + " answered " + response.statusCode() + " on " + path);
    }
    return response.body();
  }

  /** CPU time the process used so far, in nanoseconds (user + system, all threads). */
  public long cpuNanos() {
    return child.cpuNanos();
  }

  /** SIGKILL, descendants too: a crash, nothing of the service's shutdown runs. */
  public void kill() {
    child.kill();
  }

  /** Stops the service (SIGTERM, so that a JFR recording is dumped), up to 30 s, then SIGKILL. */
  @Override
  public void close() {
    child.close();
  }

  private URI management(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }
}
