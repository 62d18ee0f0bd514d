package com.bellyfed.benchmarks.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}), read from Linux's
 * {@code /proc/<pid>/task/<tid>/stat}. A service whose compiler threads still take a large share of its CPU is not yet
 * running compiled code: measured then, its throughput is the JIT's, not the service's.
 */
final class JitCompilers {

  /** Clock ticks per second of {@code /proc} times ({@code USER_HZ}, 100 on every Linux the benchmarks run on). */
  static final long TICKS_PER_SECOND = 100;

  private JitCompilers() {}

  /** CPU time the compiler threads of {@code pid} used so far, in nanoseconds; -1 where there is no {@code /proc}. */
  static long cpuNanos(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return -1;
    }
    long ticks = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          if (isCompiler(name(stat))) {
            ticks += cpuTicks(stat);
          }
        } catch (IOException threadEnded) {
          // A thread that ended between the listing and the read used no compiler time worth counting.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ticks * 1_000_000_000L / TICKS_PER_SECOND;
  }

  /**
   * Methods waiting in the C1 and C2 compile queues of the JVM {@code pid}, from {@code jcmd <pid> Compiler.queue} of this
   * JVM's own JDK; -1 where that cannot be asked. While HotSpot's C2 queue is long its tiered policy keeps newly hot
   * methods in the interpreter (it profiles there rather than add C1 work). Seen once with 1,900-3,600 methods queued in
   * each of the suite's JVMs and most of query-service's CPU samples interpreted, though that was right after a Flight
   * Recorder was started in each JVM, which makes HotSpot compile much again; without one, the queues held about 100.
   */
  static int queued(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return -1;
    }
    try {
      Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Compiler.queue").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return -1;
      }
      return queuedTasks(output);
    } catch (IOException unavailable) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * The tasks listed under the "C1 compile queue:" and "C2 compile queue:" headings of {@code Compiler.queue}'s output
   * (one line each, starting with the compile id); "Empty" and the compiles in progress do not count.
   */
  static int queuedTasks(String compilerQueueOutput) {
    int tasks = 0;
    boolean inQueue = false;
    for (String line : compilerQueueOutput.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.endsWith("compile queue:")) {
        inQueue = true;
      } else if (trimmed.isEmpty()) {
        inQueue = false;
      } else if (inQueue && Character.isDigit(trimmed.charAt(0))) {
        tasks++;
      }
    }
    return tasks;
  }

  /** HotSpot names its compiler threads "C1 CompilerThread0", "C2 CompilerThread1"; the kernel keeps 15 characters. */
  static boolean isCompiler(String threadName) {
    return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
  }

  /** The thread's name: between the first '(' and the last ')' of its stat line (a name may hold both). */
  static String name(String statLine) {
    return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
  }

  /** utime + stime (fields 14 and 15 of proc(5)), in clock ticks. */
  static long cpuTicks(String statLine) {
    String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
    // fields[0] is field 3 (state): field n is fields[n - 3].
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
