package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.LoadTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Threads that share a fixed number of calls and each make theirs as fast as the calls return, all
 * starting at once: the same work for every variant of a comparison, rather than the same time.
 */
final class FixedCount {

  /** One call; returns how many units (events accepted) it carried. */
  @FunctionalInterface
  interface Call {
    int run(int thread, long seq) throws Exception;
  }

  /**
   * What the threads did.
   *
   * @param calls calls that returned
   * @param units what they carried
   * @param errors calls that threw
   * @param startNanos when the threads were let go
   * @param endNanos when the last call returned
   */
  record Result(long calls, long units, long errors, long startNanos, long endNanos, @Nullable String firstError) {

    Duration elapsed() {
      return Duration.ofNanos(endNanos - startNanos);
    }
  }

  private record Tally(long calls, long units, long errors, long endNanos, @Nullable String firstError) {}

  private FixedCount() {}

  /**
   * Makes {@code total} calls, numbered 0 to total − 1, from {@code threads} threads; a thread still
   * calling after {@code limit} stops, so that a run against a stuck emulator ends.
   */
  static Result run(String name, int threads, int total, Duration limit, Call call) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, LoadTools.daemonThreads(name));
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
          return loop(thread, threads, total, start[0] + limit.toNanos(), call);
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

  // Thread t makes calls t, t + threads, t + 2 × threads, ...: together every number below total once.
  private static Tally loop(int thread, int threads, int total, long deadline, Call call) {
    long calls = 0;
    long units = 0;
    long errors = 0;
    String firstError = null;
    for (long seq = thread; seq < total && System.nanoTime() < deadline; seq += threads) {
      try {
        units += call.run(thread, seq);
        calls++;
      } catch (Exception e) {
        errors++;
        firstError = firstError == null ? e.toString() : firstError;
      }
    }
    return new Tally(calls, units, errors, System.nanoTime(), firstError);
  }

  private static Result sum(List<Future<Tally>> tallies, long start) throws InterruptedException {
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
      firstError = firstError == null ? tally.firstError() : firstError;
    }
    return new Result(calls, units, errors, start, end, firstError);
  }
}
