package com.bellyfed.benchmarks.localaws;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to measure and for how long.
 *
 * @param measure the length of each measured phase
 * @param warmup the length of the mixed traffic before anything is measured
 * @param threads the closed-loop client threads of the throughput phases
 * @param rates the event rates per second of the delivery-latency phase
 * @param senders threads that carry out the paced sends (the pacing itself is one scheduler thread)
 * @param receivers threads that long-poll the target queue in the delivery-latency phase
 * @param drain the longest wait for outstanding deliveries and receipts after sending stops
 * @param payloadBytes the size of each message body and event detail
 * @param budget the time all measurements should fit in; rates after the first are skipped when they would not
 * @param report where the Markdown report goes
 */
public record BenchmarkOptions(
    Duration measure,
    Duration warmup,
    int threads,
    List<Integer> rates,
    int senders,
    int receivers,
    Duration drain,
    int payloadBytes,
    Duration budget,
    Path report) {

  public BenchmarkOptions {
    rates = List.copyOf(rates);
    requirePositive(measure.toMillis(), "measure");
    requirePositive(threads, "threads");
    requirePositive(senders, "senders");
    requirePositive(receivers, "receivers");
    requirePositive(payloadBytes, "payloadBytes");
    requirePositive(budget.toSeconds(), "budget");
    rates.forEach(rate -> requirePositive(rate, "rate"));
    if (warmup.isNegative() || drain.isNegative()) {
      throw new IllegalArgumentException("warm-up and drain must not be negative");
    }
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
