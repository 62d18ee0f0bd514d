package com.bellyfed.benchmarks.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured.
 *
 * @param startup how long local-aws took to start, provisioning included
 * @param latencies one row per rate, in the order run
 * @param emulatorStats the EventBridge emulator's counters at the end, to spot retries and drops
 * @param total the wall time of the whole run, start-up included
 */
public record CommonEventsResults(
    Duration startup,
    RuntimeWarmup warmup,
    PublisherThroughput throughput,
    List<ConsumeLatency> latencies,
    GuardOverhead guard,
    Map<String, Long> emulatorStats,
    Duration total) {

  public CommonEventsResults {
    latencies = List.copyOf(latencies);
    emulatorStats = Map.copyOf(emulatorStats);
  }
}
