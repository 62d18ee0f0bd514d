package com.bellyfed.benchmarks.suite;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open loop: {@code rate} calls a second for a while, each started on schedule by a pool of client threads whatever
 * the previous ones are doing, as independent users would. A call late for lack of a free thread still counts from
 * its scheduled time in {@link Result#scheduledNanos}, so a slow service cannot hide its queue.
 */
final class Paced {

  /** One call, numbered from 0; returns whether the service accepted it, or throws why not ({@code HTTP <status>} for a refusal). */
  @FunctionalInterface
  interface Call {
    boolean call(int sequence) throws Exception;
  }

  /**
   * What a paced run did.
   *
   * @param answeredNanos when each call was answered ({@link System#nanoTime()}); 0 if it failed or was never answered
   * @param answeredAt the same instant on the wall clock, to compare with timestamps other processes wrote
   */
  record Result(int rate, long startNanos, double seconds, long[] scheduledNanos, long[] answeredNanos, Instant[] answeredAt, long failed,
      Map<String, Long> failures) {

    /** "IllegalStateException HTTP 503 × 12, HttpTimeoutException × 3", or "none". */
    String failureText() {
      return failures.isEmpty() ? "none" : failures.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "));
    }


    long offered() {
      return answeredNanos.length;
    }

    long accepted() {
      long accepted = 0;
      for (long answered : answeredNanos) {
        accepted += answered == 0 ? 0 : 1;
      }
      return accepted;
    }
  }

  private Paced() {}

  static Result run(int rate, Duration length, int threads, Call call) throws InterruptedException {
    int count = (int) Math.max(1, rate * length.toMillis() / 1000);
    long[] scheduled = new long[count];
    long[] answered = new long[count];
    Instant[] answeredAt = new Instant[count];
    AtomicLong failed = new AtomicLong();
    Map<String, Long> failures = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "paced-client");
      thread.setDaemon(true);
      return thread;
    });
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int sequence = i;
      scheduled[i] = due;
      pool.execute(() -> {
        try {
          if (call.call(sequence)) {
            answered[sequence] = System.nanoTime();
            answeredAt[sequence] = Instant.now();
          } else {
            failed.incrementAndGet();
            failures.merge("refused", 1L, Long::sum);
          }
        } catch (Exception e) {
          failed.incrementAndGet();
          failures.merge(e.getClass().getSimpleName() + (e.getMessage() != null && e.getMessage().startsWith("HTTP ") ? " " + e.getMessage() : ""),
              1L, Long::sum);
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(rate, start, seconds, scheduled, answered, answeredAt, failed.get(), new TreeMap<>(failures));
  }
}
