package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * Sends at a fixed rate: one scheduler thread ticks, a few sender threads make the calls. The
 * ticker never waits for a call, so a slow call delays only itself, and the lag between a tick and
 * the start of its call is recorded to show whether the rate was really held.
 */
public final class PacedSender {

  /** One send; {@code sentNanos} is the {@link System#nanoTime()} to put into the message. */
  @FunctionalInterface
  interface Send {
    void send(long seq, long sentNanos) throws Exception;
  }

  /**
   * What was sent.
   *
   * @param scheduled calls the rate asked for
   * @param sent calls that returned
   * @param errors calls that threw
   * @param elapsed from the first tick until the last call returned
   * @param lag from each tick to the start of its call
   */
  public record Result(long scheduled, long sent, long errors, Duration elapsed, LatencySummary lag, @Nullable String firstError) {

    public double perSecond() {
      return sent / (Math.max(1, elapsed.toNanos()) / 1e9);
    }
  }

  private final int rate;
  private final Duration duration;
  private final int threads;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong lastReturn = new AtomicLong();
  private final Recorder lag = new Recorder(LatencySummary.HIGHEST_MICROS, 3);
  private volatile @Nullable String firstError;

  PacedSender(int rate, Duration duration, int threads) {
    this.rate = rate;
    this.duration = duration;
    this.threads = threads;
  }

  long total() {
    return rate * duration.toSeconds();
  }

  /**
   * Sends {@link #total()} times at the rate. Calls still queued {@code grace} after the last tick
   * are not made: a run that cannot hold its rate ends on time and says so in its counts.
   */
  Result run(Send send, Duration grace) throws InterruptedException {
    long total = total();
    long periodNanos = 1_000_000_000L / rate;
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ticker"));
    ExecutorService senders = Executors.newFixedThreadPool(threads, DaemonThreads.named("sender"));
    AtomicLong ticks = new AtomicLong();
    CountDownLatch allTicked = new CountDownLatch(1);
    long start = System.nanoTime();
    lastReturn.set(start);
    ScheduledFuture<?> ticking =
        ticker.scheduleAtFixedRate(
            () -> {
              long seq = ticks.getAndIncrement();
              if (seq >= total) {
                allTicked.countDown();
                return;
              }
              long due = start + seq * periodNanos;
              senders.execute(() -> sendOne(send, seq, due));
            },
            0, periodNanos, TimeUnit.NANOSECONDS);
    try {
      allTicked.await(duration.toMillis() + grace.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      ticking.cancel(false);
      ticker.shutdownNow();
      senders.shutdown();
      if (!senders.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        senders.shutdownNow();
      }
    }
    return new Result(total, sent.get(), errors.get(), Duration.ofNanos(lastReturn.get() - start), LatencySummary.of(lag.getIntervalHistogram()), firstError);
  }

  private void sendOne(Send send, long seq, long due) {
    long began = System.nanoTime();
    lag.recordValue(LatencySummary.micros(began - due));
    try {
      send.send(seq, began);
      sent.incrementAndGet();
    } catch (Exception e) {
      errors.incrementAndGet();
      if (firstError == null) {
        firstError = e.toString();
      }
    }
    lastReturn.accumulateAndGet(System.nanoTime(), Math::max);
  }
}
