package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Threads that each call as fast as the answers come back, for a time and at most a count. */
public final class ClosedLoop {

  /** A bound beside the time, so that a loop of instant failures cannot run away. */
  static final long MAX_CALLS_PER_THREAD = 2_000_000;

  /** One call; returns how many units (messages, accepted entries) it carried. */
  @FunctionalInterface
  public interface Call {
    int run(int thread, long seq) throws Exception;
  }

  private record Tally(long calls, long units, long errors, long endNanos, Histogram latency, @Nullable String firstError) {}

  private ClosedLoop() {}

  public static Throughput run(String name, int threads, Duration duration, Call call) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named(name));
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      long[] start = new long[1];
      List<Future<Tally>> tallies = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        tallies.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return loop(thread, start[0] + duration.toNanos(), call);
        }));
      }
      ready.await();
      start[0] = System.nanoTime();
      go.countDown();
      return sum(tallies, start[0]);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Tally loop(int thread, long deadline, Call call) {
    Histogram latency = LatencySummary.newHistogram();
    long calls = 0;
    long units = 0;
    long errors = 0;
    String firstError = null;
    for (long seq = 0; seq < MAX_CALLS_PER_THREAD; seq++) {
      long began = System.nanoTime();
      if (began >= deadline) {
        break;
      }
      try {
        units += call.run(thread, seq);
        calls++;
        LatencySummary.record(latency, System.nanoTime() - began);
      } catch (Exception e) {
        errors++;
        firstError = firstError == null ? e.toString() : firstError;
      }
    }
    return new Tally(calls, units, errors, System.nanoTime(), latency, firstError);
  }

  private static Throughput sum(List<Future<Tally>> tallies, long start) throws InterruptedException {
    Histogram latency = LatencySummary.newHistogram();
    long calls = 0;
    long units = 0;
    long errors = 0;
    long end = start;
    String firstError = null;
    for (Future<Tally> future : tallies) {
      Tally tally;
      try {
        tally = future.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("A load thread failed", e.getCause());
      }
      calls += tally.calls();
      units += tally.units();
      errors += tally.errors();
      end = Math.max(end, tally.endNanos());
      latency.add(tally.latency());
      firstError = firstError == null ? tally.firstError() : firstError;
    }
    return new Throughput(calls, units, errors, Duration.ofNanos(end - start), latency, firstError);
  }
}
