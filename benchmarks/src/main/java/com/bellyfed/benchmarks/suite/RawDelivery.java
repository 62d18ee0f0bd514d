package com.bellyfed.benchmarks.suite;

import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The baseline of the event flows: PutEvents of one entry at a fixed rate to a bus of its own, whose one rule sends it
 * to a queue, timed from the PutEvents response to the message received: local-aws's own share of any event's path,
 * measured in the same run as the flows that stand on it.
 */
final class RawDelivery {

  private RawDelivery() {}

  static Timeline measure(EventBridgeClient eventBridge, SqsClient sqs, int rate, Duration length, int threads, Duration patience)
      throws InterruptedException {
    String bus = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
    eventBridge.createEventBus(r -> r.name(bus));
    String prefix = "raw-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Timeline timeline = new Timeline();
    try (Tap tap = Tap.open(eventBridge, sqs, bus, "{\"source\":[\"bellyfed.bench\"]}", prefix, body -> true)) {
      Paced.Result sent = Paced.run(rate, length, threads, sequence -> eventBridge.putEvents(r -> r.entries(e -> e.eventBusName(bus)
          .source("bellyfed.bench").detailType("bench.raw").detail("{\"key\":\"" + prefix + sequence + "\"}"))).failedEntryCount() == 0);
      tap.await(prefix, sent.accepted(), patience, Duration.ofSeconds(180));
      for (int i = 0; i < sent.answeredNanos().length; i++) {
        Long arrived = tap.arrivals().get(prefix + i);
        if (arrived != null && sent.answeredNanos()[i] != 0) {
          timeline.add((sent.answeredNanos()[i] - sent.startNanos()) / 1e9, Math.max(1, (arrived - sent.answeredNanos()[i]) / 1000));
        }
      }
    } finally {
      eventBridge.deleteEventBus(r -> r.name(bus));
    }
    return timeline;
  }
}
