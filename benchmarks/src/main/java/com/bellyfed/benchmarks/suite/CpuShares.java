package com.bellyfed.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the machine's CPU went during a phase: each of our processes' CPU time (user + system, all threads) and the
 * whole machine's busy time from {@code /proc/stat}, so that what other work on a shared machine took is visible too.
 */
public final class CpuShares {

  /** CPU nanoseconds per process name, and the machine's busy and total jiffies, at one instant. */
  public record Snapshot(long atNanos, Map<String, Long> processNanos, long machineBusy, long machineTotal) {}

  /**
   * One phase.
   *
   * @param cores cores each process kept busy on average (CPU seconds ÷ wall seconds)
   * @param machineBusy the machine's busy share of all its cores, ours and others'
   */
  public record Phase(double wallSeconds, Map<String, Double> cores, double machineBusy, int machineCores) {

    /** Cores that processes other than ours used (other sessions on a shared machine), never below 0. */
    public double others() {
      double ours = cores.values().stream().mapToDouble(Double::doubleValue).sum();
      return Math.max(0, machineBusy * machineCores - ours);
    }

    /** "local-aws 0.92 cores (46%), write-service 0.41 (21%), …, other work 0.20 (10%); machine 97% busy". */
    public String describe() {
      String each = cores.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
          .map(entry -> String.format(Locale.ROOT, "%s %.2f cores (%.0f%%)", entry.getKey(), entry.getValue(), 100 * entry.getValue() / machineCores))
          .collect(Collectors.joining(", "));
      return each + String.format(Locale.ROOT, ", other work on the machine %.2f (%.0f%%); all %d cores %.0f%% busy", others(),
          100 * others() / machineCores, machineCores, 100 * machineBusy);
    }

    /** This phase and {@code other} as one, each weighted by its wall time. */
    public Phase plus(Phase other) {
      double wall = wallSeconds + other.wallSeconds;
      Map<String, Double> both = new LinkedHashMap<>();
      cores.forEach((name, value) -> both.put(name, (value * wallSeconds + other.cores.getOrDefault(name, 0.0) * other.wallSeconds) / wall));
      return new Phase(wall, both, (machineBusy * wallSeconds + other.machineBusy * other.wallSeconds) / wall, machineCores);
    }

    /** The process that used the most CPU. */
    public String busiest() {
      return cores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
    }
  }

  private final Map<String, Long> pids;

  public CpuShares(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
  }

  public Snapshot take() {
    Map<String, Long> nanos = new LinkedHashMap<>();
    pids.forEach((name, pid) -> nanos.put(name, ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
        .map(Duration::toNanos).orElse(0L)));
    long[] machine = machine();
    return new Snapshot(System.nanoTime(), nanos, machine[0], machine[1]);
  }

  public static Phase between(Snapshot before, Snapshot after, int machineCores) {
    double wall = (after.atNanos() - before.atNanos()) / 1e9;
    Map<String, Double> cores = new LinkedHashMap<>();
    after.processNanos().forEach((name, nanos) -> cores.put(name, (nanos - before.processNanos().getOrDefault(name, 0L)) / 1e9 / wall));
    long total = after.machineTotal() - before.machineTotal();
    double busy = total <= 0 ? Double.NaN : (double) (after.machineBusy() - before.machineBusy()) / total;
    return new Phase(wall, cores, busy, machineCores);
  }

  /** {busy, total} jiffies of all cores from the first line of /proc/stat; {0, 0} where there is none. */
  static long[] machine() {
    try {
      return parseStat(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** "cpu user nice system idle iowait irq softirq steal …": idle and iowait are not busy. */
  static long[] parseStat(String cpuLine) {
    String[] fields = cpuLine.trim().split("\\s+");
    long total = 0;
    long idle = 0;
    for (int i = 1; i < fields.length && i <= 8; i++) {
      long value = Long.parseLong(fields[i]);
      total += value;
      if (i == 4 || i == 5) {
        idle += value;
      }
    }
    return new long[] {total - idle, total};
  }
}
