package com.bellyfed.benchmarks.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * local-aws's cold start as a user meets it: {@code java -jar local-aws-exec.jar} with the dev
 * topology, from process start to the "ready" line (JVM start-up included), and what local-aws
 * reports of its own start.
 */
public record ColdStart(List<Duration> wall, List<Duration> reported, List<Duration> sharedWall, List<Duration> sharedReported) {

  private static final Pattern READY = Pattern.compile("local-aws ready in (\\d+) ms");

  public static ColdStart empty() {
    return new ColdStart(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Alternates plain starts with starts that map the build's class-data-sharing archive
   * ({@code local-aws-exec.jsa} beside the jar), {@code runs} of each.
   */
  public static ColdStart measure(Path jar, int runs) throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw -q install -DskipTests first");
    }
    Path archive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".jsa"));
    List<Duration> wall = new ArrayList<>();
    List<Duration> reported = new ArrayList<>();
    List<Duration> sharedWall = new ArrayList<>();
    List<Duration> sharedReported = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      start(jar, null, wall, reported);
      if (Files.isRegularFile(archive)) {
        start(jar, archive, sharedWall, sharedReported);
      }
    }
    return new ColdStart(wall, reported, sharedWall, sharedReported);
  }

  private static void start(Path jar, Path archive, List<Duration> wall, List<Duration> reported)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    if (archive != null) {
      command.add("-XX:SharedArchiveFile=" + archive);
    }
    command.addAll(List.of("-jar", jar.toString(), "--port", "0"));
    long began = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
          wall.add(Duration.ofNanos(System.nanoTime() - began));
          reported.add(Duration.ofMillis(Long.parseLong(ready.group(1))));
          break;
        }
      }
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  public static Duration median(List<Duration> durations) {
    List<Duration> sorted = new ArrayList<>(durations);
    sorted.sort(null);
    return sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() / 2);
  }
}
