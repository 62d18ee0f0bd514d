package com.bellyfed.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Latency percentiles per second of a run, for the charts of latency over time. */
public final class Timeline {

  /** One second of the run: the latencies of the operations that started (or were answered) in it. */
  public record Bucket(int second, long count, double p50Ms, double p95Ms, double p99Ms) {}

  private final TreeMap<Integer, Histogram> seconds = new TreeMap<>();
  private final Histogram all = new Histogram(3_600_000_000L, 3);

  /** Adds one latency of {@code latencyMicros}, which happened {@code atSeconds} after the run started. */
  public synchronized void add(double atSeconds, long latencyMicros) {
    long value = Math.max(1, Math.min(latencyMicros, all.getHighestTrackableValue()));
    seconds.computeIfAbsent((int) Math.floor(Math.max(0, atSeconds)), second -> new Histogram(3_600_000_000L, 3)).recordValue(value);
    all.recordValue(value);
  }

  public synchronized List<Bucket> buckets() {
    List<Bucket> buckets = new ArrayList<>();
    seconds.forEach((second, histogram) -> buckets.add(new Bucket(second, histogram.getTotalCount(), ms(histogram, 50), ms(histogram, 95),
        ms(histogram, 99))));
    return buckets;
  }

  /** The whole run's percentile, in milliseconds; NaN without samples. */
  public synchronized double percentileMs(double percentile) {
    return all.getTotalCount() == 0 ? Double.NaN : ms(all, percentile);
  }

  public synchronized double maxMs() {
    return all.getTotalCount() == 0 ? Double.NaN : all.getMaxValue() / 1000.0;
  }

  public synchronized long count() {
    return all.getTotalCount();
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
