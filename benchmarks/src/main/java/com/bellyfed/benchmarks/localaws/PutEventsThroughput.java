package com.bellyfed.benchmarks.localaws;

import java.time.Duration;

/**
 * PutEvents of ten entries from closed-loop threads to a fresh bus whose rule sends everything to
 * a fresh queue; then waiting until every accepted event has been delivered to the queue.
 *
 * @param sending the PutEvents calls; units are accepted entries
 * @param delivery the emulator's counters from the first call until all were delivered (or the wait ran out)
 * @param waitLimit the longest the benchmark waited for deliveries after the senders stopped
 * @param backlogAtSendEnd accepted events not yet delivered when the senders stopped
 * @param deliveryElapsed from the first call until the last delivery was seen
 */
public record PutEventsThroughput(
    Throughput sending, DeliveryWatch.Outcome delivery, Duration waitLimit, long backlogAtSendEnd, Duration deliveryElapsed) {

  static final int ENTRIES_PER_CALL = 10;

  public static PutEventsThroughput run(BenchClients clients, DeliveryWatch watch, BenchmarkOptions options, Duration waitLimit)
      throws InterruptedException {
    Payloads payloads = new Payloads(options.payloadBytes());
    BenchRoute route = BenchRoute.create(clients, "put-events");
    DeliveryWatch.Snapshot base = watch.now();
    Throughput sending =
        ClosedLoop.run("put-events", options.threads(), options.measure(), (thread, seq) -> route.put(payloads.batch(seq, ENTRIES_PER_CALL)));
    DeliveryWatch.Snapshot atSendEnd = watch.now().minus(base);
    DeliveryWatch.Outcome delivery = watch.await(base, sending.units(), waitLimit);
    route.closeRule();
    if (!delivery.timedOut()) {
      // Deleting the queue drops the delivered messages; nobody needs to read them. With deliveries still
      // under way it would turn each of them into a failure, so then the queue goes with local-aws.
      route.queue().close();
    }
    return new PutEventsThroughput(
        sending, delivery, waitLimit, sending.units() - atSendEnd.delivered(), Duration.ofNanos(delivery.counts().atNanos() - base.atNanos()));
  }

  public double acceptedPerSecond() {
    return sending.unitsPerSecond();
  }

  /** Deliveries per second over the time from the first call until the last delivery (or the end of the wait). */
  public double deliveredPerSecond() {
    return delivery.counts().delivered() / (Math.max(1, deliveryElapsed.toNanos()) / 1e9);
  }
}
