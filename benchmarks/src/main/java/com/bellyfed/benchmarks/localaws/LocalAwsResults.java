package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured.
 *
 * @param skippedRates rates of the latency phase left out because they would not have fitted in the budget
 * @param emulatorStats the EventBridge emulator's counters at the end, to spot retries and drops
 * @param total the wall time of all measurements, start-up included
 */
public record LocalAwsResults(
    StartupTimes startup,
    Warmup warmup,
    SendMessageThroughput sendMessage,
    PutEventsThroughput putEvents,
    List<DeliveryLatency> latencies,
    List<Integer> skippedRates,
    Map<String, Long> emulatorStats,
    Duration total) {

  public LocalAwsResults {
    latencies = List.copyOf(latencies);
    skippedRates = List.copyOf(skippedRates);
    emulatorStats = Map.copyOf(emulatorStats);
  }
}
