package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What a closed loop of client threads achieved.
 *
 * @param calls API calls that returned
 * @param units what the calls carried (messages, accepted entries)
 * @param errors calls that threw
 * @param latencyMicros per call
 * @param firstError the first failure, to tell a broken run from a slow one
 */
public record Throughput(long calls, long units, long errors, Duration elapsed, Histogram latencyMicros, @Nullable String firstError) {

  public LatencySummary latency() {
    return LatencySummary.of(latencyMicros);
  }

  public double unitsPerSecond() {
    return units / seconds();
  }

  public double callsPerSecond() {
    return calls / seconds();
  }

  /** Two runs of the same loop as one, as if they had run back to back. */
  public Throughput plus(Throughput other) {
    Histogram latency = latencyMicros.copy();
    latency.add(other.latencyMicros);
    return new Throughput(
        calls + other.calls, units + other.units, errors + other.errors, elapsed.plus(other.elapsed), latency,
        firstError != null ? firstError : other.firstError);
  }

  private double seconds() {
    return Math.max(1, elapsed.toNanos()) / 1e9;
  }
}
