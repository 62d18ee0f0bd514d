package com.bellyfed.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine a run happened on: figures from a 2-core laptop and a 16-core server do not compare,
 * nor do figures from an idle machine and a busy one.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages when this was taken
 */
public record Machine(int cores, String cpu, String jvm, String os, long maxHeapBytes, String loadAverage) {

  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel().orElse("unknown"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory(),
        currentLoadAverage());
  }

  public static String currentLoadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Optional<String> cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
