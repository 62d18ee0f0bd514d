package com.bellyfed.benchmarks.query;

import com.bellyfed.benchmarks.Services;
import com.bellyfed.testing.processes.ServiceProcess;
import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
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
record Service(String mode, ServiceProcess process) {

  static Service launch(Path jar, LocalAws localAws, Path logs, Optional<CorePinning> pinning, String mode, String... arguments)
      throws IOException {
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    String jfr = System.getProperty("query.bench.jfr");
    if (jfr != null) {
      jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
          + Path.of(jfr).toAbsolutePath().resolve("query-service-" + mode + ".jfr"));
    }
    List<String> settings = new ArrayList<>(List.of(
        // The service refuses to start without a cursor secret; a benchmark pages nothing worth guarding.
        "--bellyfed.paging.cursor-secret=benchmark-only-cursor-secret-0123456789"));
    settings.addAll(List.of(arguments));
    return new Service(mode, Services.start("query-service " + mode, jar, localAws, logs.resolve("query-service-benchmark-" + mode + ".log"),
        jvmOptions, settings, command -> pinning.map(p -> p.wrap(command)).orElse(command)));
  }

  /** The service's API. */
  String base() {
    return process.base();
  }

  /** Waits until the readiness probe answers 200; returns the time since launch. */
  Duration awaitReady() throws Exception {
    return process.awaitReady(Duration.ofSeconds(120));
  }

  /** CPU time the process used so far, in nanoseconds (user + system, all threads). */
  long cpuNanos() {
    return process.cpuNanos();
  }

  /**
   * The service's Prometheus meters summed over their labels, by name; HTTP requests to the API
   * also under {@code http_server_requests_seconds_count{uri=/api}.
   */
  Map<String, Double> metrics() throws IOException, InterruptedException {
    String text = process.actuator("/actuator/prometheus");
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
    process.close();
  }
}
