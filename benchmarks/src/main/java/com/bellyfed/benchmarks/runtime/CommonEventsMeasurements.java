package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.localaws.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/** Runs the measurements of the common-events runtime in order, in this JVM, against one local-aws on a free port. */
public final class CommonEventsMeasurements {

  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

  private CommonEventsMeasurements() {}

  public static CommonEventsResults run(RuntimeOptions options, Consumer<String> progress) throws InterruptedException {
    long began = System.nanoTime();
    progress.accept("starting local-aws");
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0));
        BenchClients clients = BenchClients.of(localAws)) {
      progress.accept("local-aws started in " + localAws.startupTime().toMillis() + " ms");
      RuntimeParts parts = RuntimeParts.wire(localAws);

      progress.accept("warming up for " + options.warmup().toSeconds() + " s at " + RuntimeWarmup.RATE + " events/s");
      RuntimeWarmup warmup = RuntimeWarmup.run(parts, clients, options);
      progress.accept(String.format("warm-up: %,d of %,d calls made, %,d events accepted, %,d handled, %,d errors, emulator done: %s",
          warmup.sending().sent(), warmup.sending().scheduled(), warmup.accepted(), warmup.handled(), warmup.sending().errors() + warmup.receiverErrors(),
          warmup.settled()));
      purgeTopologyQueues(localAws, progress);

      progress.accept(String.format("publisher vs naive loop, %,d events each from %d threads, in alternating halves", options.events(), options.threads()));
      PublisherThroughput throughput = PublisherThroughput.run(parts, clients, options);
      progress.accept(String.format("publisher %,.0f events/s (mean batch %.2f), naive %,.0f events/s",
          throughput.publisher().eventsPerSecond(), throughput.meters().meanBatchSize(), throughput.naive().eventsPerSecond()));
      purgeTopologyQueues(localAws, progress);

      // Rating and archive deliveries left by the last half must not run beside the guard's figures.
      if (!Tap.awaitDeliveriesSettled(localAws, SETTLE_LIMIT)) {
        progress.accept("the emulator was still delivering after " + SETTLE_LIMIT.toSeconds() + " s; measuring the guard anyway");
      }
      progress.accept(String.format("idempotency guard, %,d messages per variant", options.guardMessages()));
      GuardOverhead guard = GuardOverhead.run(parts, clients, options);
      progress.accept(String.format("guard: baseline %.0f µs/message, guarded %.0f µs/message, GetItem + PutItem %.0f µs",
          guard.baseline().meanMicros(), guard.guarded().meanMicros(), guard.dynamoDb().edge().pairs().latencyMicros().getMean()));

      // Last, as the local-aws benchmark runs its PutEvents flood last: a rate the pipeline cannot hold leaves the
      // emulator and the tap queue a backlog that would still weigh on whatever came next.
      List<ConsumeLatency> latencies = new ArrayList<>();
      for (int rate : options.rates()) {
        progress.accept("publish-to-consume latency at " + rate + "/s for " + options.measure().toSeconds() + " s");
        ConsumeLatency latency = ConsumeLatency.run(parts, clients, rate, options);
        progress.accept(String.format("  %,d published, %,d handled, p50 %.2f ms, p99 %.2f ms, max %.1f ms, rate held: %s",
            latency.sending().sent(), latency.handled(), latency.latency().p50(), latency.latency().p99(), latency.latency().max(), latency.rateHeld()));
        latencies.add(latency);
        purgeTopologyQueues(localAws, progress);
      }

      return new CommonEventsResults(
          localAws.startupTime(), warmup, throughput, latencies, guard, new LinkedHashMap<>(localAws.eventBridgeStats()),
          Duration.ofNanos(System.nanoTime() - began));
    }
  }

  /**
   * Empties the queues the topology's own rules fill from the restaurant bus (rating, archive):
   * nobody consumes them in this run, and tens of thousands of messages left in ElasticMQ's memory
   * should not weigh on the next phase.
   */
  private static void purgeTopologyQueues(LocalAws localAws, Consumer<String> progress) {
    for (String flow : List.of("rating", "archive")) {
      String name = localAws.topology().queue(flow).name();
      try {
        String url = localAws.sqs().getQueueUrl(request -> request.queueName(name)).queueUrl();
        localAws.sqs().purgeQueue(request -> request.queueUrl(url));
      } catch (RuntimeException e) {
        progress.accept("could not purge " + name + " (it stays full, no harm to the figures): " + e);
      }
    }
  }
}
