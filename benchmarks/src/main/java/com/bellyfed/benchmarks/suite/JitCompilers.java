package com.bellyfed.benchmarks.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
