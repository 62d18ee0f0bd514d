package com.bellyfed.benchmarks.localaws;

import com.bellyfed.localaws.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the measurements of local-aws in order, in this JVM, against one instance on a free port. */
public final class LocalAwsMeasurements {

  private LocalAwsMeasurements() {}

  public static LocalAwsResults run(BenchmarkOptions options, Consumer<String> progress) throws InterruptedException {
    long began = System.nanoTime();
    progress.accept("starting local-aws twice (cold, then warm)");
    StartupTimes.Measured started = StartupTimes.measure(LocalAws.Settings.defaults().withPort(0));
    progress.accept(String.format("start-up: cold %d ms, warm %d ms",
        started.times().cold().toMillis(), started.times().warm().toMillis()));
    try (LocalAws localAws = started.localAws();
        BenchClients clients = BenchClients.of(localAws)) {
      DeliveryWatch watch = new DeliveryWatch(localAws::eventBridgeStats);

      progress.accept("warming up for " + options.warmup().toSeconds() + " s");
      Warmup warmup = Warmup.run(clients, watch, options);
      progress.accept(String.format("warm-up: %,d calls, %,d errors", warmup.traffic().calls(), warmup.traffic().errors()));

      progress.accept("SendMessage, " + options.threads() + " threads, raw and edge in alternating halves");
      SendMessageThroughput send = SendMessageThroughput.run(clients, options);
      progress.accept(String.format("SendMessage: raw %,.0f msg/s, edge %,.0f msg/s",
          send.raw().unitsPerSecond(), send.edge().unitsPerSecond()));

      // Latency before the PutEvents flood: the emulator accepts events faster than it delivers them, and the
      // flood's backlog would still be draining, competing for the same two cores, while the latency rows ran.
      List<Integer> rates = new ArrayList<>();
      List<Integer> skipped = new ArrayList<>();
      Duration reserve = options.measure().plus(options.drain());
      for (int rate : options.rates()) {
        Duration needed = elapsed(began).plus(DeliveryLatency.expected(options).multipliedBy(2L * (rates.size() + 1))).plus(reserve);
        if (!rates.isEmpty() && needed.compareTo(options.budget()) > 0) {
          progress.accept("skipping " + rate + "/s: it would not fit in the budget of " + options.budget().toSeconds() + " s");
          skipped.add(rate);
        } else {
          rates.add(rate);
        }
      }
      // Raw rows first: a backlog an EventBridge row leaves behind must not slow a baseline.
      List<DeliveryLatency> latencies = new ArrayList<>();
      for (int rate : rates) {
        progress.accept("delivery latency at " + rate + "/s, raw SQS");
        latencies.add(report(progress, DeliveryLatency.rawSqs(clients, rate, options)));
      }
      for (int rate : rates) {
        progress.accept("delivery latency at " + rate + "/s, EventBridge");
        latencies.add(report(progress, DeliveryLatency.eventBridge(clients, rate, options)));
      }

      progress.accept("PutEvents, " + options.threads() + " threads, 10 entries per call");
      // The wait for deliveries may use what is left of the budget, but not less than --drain-seconds.
      Duration left = options.budget().minus(elapsed(began)).minus(options.measure());
      Duration waitLimit = left.compareTo(options.drain()) > 0 ? left : options.drain();
      PutEventsThroughput putEvents = PutEventsThroughput.run(clients, watch, options, waitLimit);
      progress.accept(String.format("PutEvents: %,.0f entries/s accepted, %,.0f/s delivered",
          putEvents.acceptedPerSecond(), putEvents.deliveredPerSecond()));

      Map<String, Long> stats = new LinkedHashMap<>(localAws.eventBridgeStats());
      return new LocalAwsResults(started.times(), warmup, send, putEvents, latencies, skipped, stats, elapsed(began));
    }
  }

  private static Duration elapsed(long began) {
    return Duration.ofNanos(System.nanoTime() - began);
  }

  private static DeliveryLatency report(Consumer<String> progress, DeliveryLatency latency) {
    progress.accept(String.format("  %s: %,d sent, %,d received, p50 %.2f ms, p99 %.2f ms",
        latency.via(), latency.sending().sent(), latency.receiving().received(),
        latency.receiving().latency().p50(), latency.receiving().latency().p99()));
    return latency;
  }
}
