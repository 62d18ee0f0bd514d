package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load helpers of this package as other benchmarks reuse them: latencies in microseconds in
 * HdrHistogram, named daemon threads, paced calls and closed loops. The helpers themselves stay
 * package-private, so that the local-aws measurements can change them freely; this is the one door.
 */
public final class LoadTools {

  /** One paced call; {@code sentNanos} is the {@link System#nanoTime()} at its start. */
  @FunctionalInterface
  public interface PacedCall {
    void send(long seq, long sentNanos) throws Exception;
  }

  /** One closed-loop call; returns how many units it carried. */
  @FunctionalInterface
  public interface LoopCall {
    int run(int thread, long seq) throws Exception;
  }

  private LoadTools() {}

  /** A recorder of microseconds, as every latency of the benchmarks is kept (3 significant digits, up to 2 minutes). */
  public static Recorder recorder() {
    return new Recorder(LatencySummary.HIGHEST_MICROS, 3);
  }

  /** Nanoseconds as the microseconds a histogram takes, clamped to its range. */
  public static long micros(long nanos) {
    return LatencySummary.micros(nanos);
  }

  public static LatencySummary summary(Histogram micros) {
    return LatencySummary.of(micros);
  }

  public static ThreadFactory daemonThreads(String name) {
    return DaemonThreads.named(name);
  }

  /**
   * {@code rate × duration} calls at a fixed rate from {@code threads} threads; calls still queued
   * {@code grace} after the last tick are not made.
   */
  public static PacedSender.Result paced(int rate, Duration duration, int threads, Duration grace, PacedCall call)
      throws InterruptedException {
    return new PacedSender(rate, duration, threads).run(call::send, grace);
  }

  /** {@code threads} threads calling as fast as the answers come back, for {@code duration}. */
  public static Throughput closedLoop(String name, int threads, Duration duration, LoopCall call) throws InterruptedException {
    return ClosedLoop.run(name, threads, duration, call::run);
  }
}
