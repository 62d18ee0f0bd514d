package com.bellyfed.benchmarks.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives the services under test a core of their own ({@code taskset}), the way production gives a
 * service its own host: DynamoDB and EventBridge then no longer take the service's CPU, and what the
 * service adds to a call is its own work, not its share of two cores with the emulators. The
 * benchmark's JVM (local-aws and the load generator) keeps the other cores.
 *
 * @param benchmarkCpus the CPU list of this JVM, as {@code taskset -c} takes it
 * @param serviceCpus the CPU list the services run on
 */
record CorePinning(String benchmarkCpus, String serviceCpus) {

  /** Set to {@code split} to pin; anything else (or nothing) shares every core. */
  static final String PROPERTY = "query.bench.cores";

  /**
   * The split asked for with {@code -Dquery.bench.cores=split}, on a machine that can do it (Linux
   * with {@code taskset}, two cores or more); empty otherwise, saying why when it was asked for.
   */
  static Optional<CorePinning> requested() {
    if (!"split".equals(System.getProperty(PROPERTY))) {
      return Optional.empty();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    boolean taskset = Optional.ofNullable(System.getenv("PATH")).stream()
        .flatMap(path -> List.of(path.split(":")).stream())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "taskset")));
    if (cores < 2 || !taskset) {
      System.out.printf("-D%s=split needs Linux's taskset and 2 cores or more (found %d cores, taskset %s): sharing the cores%n",
          PROPERTY, cores, taskset ? "present" : "absent");
      return Optional.empty();
    }
    return Optional.of(new CorePinning(cores == 2 ? "0" : "0-" + (cores - 2), Integer.toString(cores - 1)));
  }

  /**
   * Moves every thread of this JVM onto {@link #benchmarkCpus}; threads started later inherit it.
   * Done before local-aws starts, so that its pools are sized for the cores it keeps.
   */
  void pinThisJvm() throws IOException, InterruptedException {
    Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", benchmarkCpus, Long.toString(ProcessHandle.current().pid()))
        .redirectErrorStream(true)
        .start();
    String output = new String(taskset.getInputStream().readAllBytes());
    if (taskset.waitFor() != 0) {
      throw new IllegalStateException("taskset could not pin the benchmark's JVM: " + output);
    }
  }

  /** The command that starts {@code command} on {@link #serviceCpus}. */
  List<String> wrap(List<String> command) {
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", serviceCpus));
    pinned.addAll(command);
    return pinned;
  }
}
