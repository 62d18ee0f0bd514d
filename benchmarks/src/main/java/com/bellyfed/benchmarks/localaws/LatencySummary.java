package com.bellyfed.benchmarks.localaws;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of a histogram of microseconds, in milliseconds. */
public record LatencySummary(long count, double p50, double p90, double p99, double max) {

  /** The largest value a histogram of this benchmark tracks: anything slower is a failure anyway. */
  static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  static void record(Histogram histogram, long nanos) {
    histogram.recordValue(micros(nanos));
  }

  /** Clamps instead of throwing: one outlier beyond two minutes must not end a run. */
  static long micros(long nanos) {
    return Math.max(0, Math.min(HIGHEST_MICROS, nanos / 1_000));
  }

  static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencySummary(
        micros.getTotalCount(),
        millis(micros.getValueAtPercentile(50)),
        millis(micros.getValueAtPercentile(90)),
        millis(micros.getValueAtPercentile(99)),
        millis(micros.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / 1_000.0;
  }
}
