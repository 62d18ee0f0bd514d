package com.bellyfed.benchmarks.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** A closed loop of {@code clients} threads calling one operation for a while. */
final class Load {

  private Load() {}

  static Result run(QueryServiceBenchmark.Op op, int clients, Duration duration) throws InterruptedException {
    Result result = new Result();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Histogram histogram = new Histogram(60_000_000L, 3);
      histograms.add(histogram);
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          long before = System.nanoTime();
          boolean ok;
          try {
            ok = op.call();
          } catch (Exception e) {
            ok = false;
          }
          histogram.recordValue(Math.max(1, (System.nanoTime() - before) / 1_000));
          if (!ok) {
            errors.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    histograms.forEach(result.histogram::add);
    result.errors = errors.get();
    result.nanos = elapsed;
    return result;
  }

  /** Calls, errors and latencies (microseconds) of one or more runs. */
  static final class Result {
    private final Histogram histogram = new Histogram(60_000_000L, 3);
    private long errors;
    private long nanos;
    private long serviceCpuNanos;
    private long benchmarkCpuNanos;

    /** CPU the services and this JVM used during the run (and the analytics drain after it). */
    void cpu(long serviceNanos, long benchmarkNanos) {
      serviceCpuNanos = serviceNanos;
      benchmarkCpuNanos = benchmarkNanos;
    }

    double serviceCpuMillisPerCall() {
      return calls() == 0 ? 0 : serviceCpuNanos / 1e6 / calls();
    }

    double benchmarkCpuMillisPerCall() {
      return calls() == 0 ? 0 : benchmarkCpuNanos / 1e6 / calls();
    }

    void add(Result other) {
      histogram.add(other.histogram);
      errors += other.errors;
      nanos += other.nanos;
      serviceCpuNanos += other.serviceCpuNanos;
      benchmarkCpuNanos += other.benchmarkCpuNanos;
    }

    Histogram histogram() {
      return histogram;
    }

    long calls() {
      return histogram.getTotalCount();
    }

    long errors() {
      return errors;
    }

    double perSecond() {
      return calls() / (nanos / 1e9);
    }

    String summary() {
      return String.format(java.util.Locale.ROOT, "%,.0f/s p50 %.2f ms p99 %.2f ms, %d errors, CPU per call %.2f ms service + %.2f ms local-aws and client",
          perSecond(), histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0, errors,
          serviceCpuMillisPerCall(), benchmarkCpuMillisPerCall());
    }
  }
}
