package com.bellyfed.benchmarks.query;

import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One query-service process started from its jar against the benchmark's local-aws. With the system
 * property {@code query.bench.jfr} set to a directory, it runs under Java Flight Recorder and dumps
 * {@code query-service-<mode>.jfr} there when it stops.
 */
record Service(String mode, Process process, String base, long launched) {

  static Service launch(Path jar, LocalAws localAws, Path logs, Optional<CorePinning> pinning, String mode, String... arguments)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    String jfr = System.getProperty("query.bench.jfr");
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + Path.of(jfr).toAbsolutePath().resolve("query-service-" + mode + ".jfr"));
    }
    command.addAll(List.of(
        "-jar", jar.toString(),
        "--server.port=" + port,
        // The service refuses to start without a cursor secret; a benchmark pages nothing worth guarding.
        "--bellyfed.paging.cursor-secret=benchmark-only-cursor-secret-0123456789",
        "--spring.cloud.aws.endpoint=" + localAws.endpoint(),
        "--spring.cloud.aws.region.static=" + localAws.region().id(),
        "--spring.cloud.aws.credentials.access-key=local",
        "--spring.cloud.aws.credentials.secret-key=local"));
    command.addAll(List.of(arguments));
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(pinning.map(p -> p.wrap(command)).orElse(command))
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve("query-service-benchmark-" + mode + ".log").toFile())
        .start();
    return new Service(mode, process, "http://127.0.0.1:" + port, launched);
  }

  /** Waits until the readiness probe answers 200; returns the time since launch. */
  Duration awaitReady(HttpClient http) throws Exception {
    long deadline = launched + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("query-service " + mode + " exited with " + process.exitValue() + "; see its log");
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - launched);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20); // polling a process we do not control; nothing to await on
    }
    throw new IllegalStateException("query-service " + mode + " not ready after 120 s");
  }

  /** CPU time the process used so far, in nanoseconds (user + system, all threads). */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /**
   * The service's Prometheus meters summed over their labels, by name; HTTP requests to the API
   * also under {@code http_server_requests_seconds_count{uri=/api}.
   */
  Map<String, Double> metrics(HttpClient http) throws IOException, InterruptedException {
    String text = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Double> metrics = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name = line.substring(0, brace >= 0 ? brace : line.indexOf(' '));
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1));
      } catch (NumberFormatException notAValue) {
        continue;
      }
      metrics.merge(name, value, Double::sum);
      if (name.equals("http_server_requests_seconds_count") && line.contains("uri=\"/api")) {
        metrics.merge("http_server_requests_seconds_count{uri=/api", value, Double::sum);
      }
    }
    return metrics;
  }

  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
