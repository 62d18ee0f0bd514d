package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import java.util.List;

/**
 * Latency from send to receipt at a fixed rate, one message per call: either SendMessage straight
 * to ElasticMQ (the baseline) or PutEvents through the edge to a bus whose rule targets the queue.
 * Receivers long-poll ElasticMQ directly in both cases, so the difference is the EventBridge path.
 *
 * @param via the route from sender to queue
 * @param rate the events per second asked for
 * @param sending the paced calls and how late they started
 * @param receiving what arrived and how long after it was sent
 */
public record DeliveryLatency(Via via, int rate, PacedSender.Result sending, QueueReceivers.Result receiving) {

  /** How long calls queued behind a slow emulator may still start after the last tick. */
  private static final Duration SEND_GRACE = Duration.ofSeconds(3);

  /** The two routes from sender to queue. */
  public enum Via {
    RAW_SQS("SendMessage → ElasticMQ → ReceiveMessage"),
    EVENTBRIDGE("PutEvents → edge → rule → SQS → ReceiveMessage");

    private final String description;

    Via(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public static DeliveryLatency rawSqs(BenchClients clients, int rate, BenchmarkOptions options) throws InterruptedException {
    Payloads payloads = new Payloads(options.payloadBytes());
    try (BenchQueue queue = BenchQueue.create(clients.edgeSqs(), clients.region(), "latency-raw-" + rate)) {
      return measure(Via.RAW_SQS, clients, queue, rate, options,
          (seq, sentNanos) -> clients.directSqs().sendMessage(request -> request.queueUrl(queue.url()).messageBody(payloads.json(seq, sentNanos))));
    }
  }

  public static DeliveryLatency eventBridge(BenchClients clients, int rate, BenchmarkOptions options) throws InterruptedException {
    Payloads payloads = new Payloads(options.payloadBytes());
    try (BenchRoute route = BenchRoute.create(clients, "latency-events-" + rate)) {
      return measure(Via.EVENTBRIDGE, clients, route.queue(), rate, options,
          (seq, sentNanos) -> {
            if (route.put(List.of(payloads.json(seq, sentNanos))) != 1) {
              throw new IllegalStateException("PutEvents did not accept the entry");
            }
          });
    }
  }

  private static DeliveryLatency measure(
      Via via, BenchClients clients, BenchQueue queue, int rate, BenchmarkOptions options, PacedSender.Send send)
      throws InterruptedException {
    PacedSender sender = new PacedSender(rate, options.measure(), options.senders());
    Duration limit = options.measure().plus(SEND_GRACE).plus(options.drain()).plusSeconds(5);
    QueueReceivers receivers = new QueueReceivers(clients.directSqs(), queue.url(), options.receivers(), limit).start();
    PacedSender.Result sending;
    try {
      sending = sender.run(send, SEND_GRACE);
    } catch (InterruptedException | RuntimeException e) {
      receivers.stop();
      throw e;
    }
    QueueReceivers.Result receiving = receivers.awaitAndStop(sending.sent(), options.drain());
    return new DeliveryLatency(via, rate, sending, receiving);
  }

  /** Whether as many messages arrived as calls were accepted. */
  public boolean complete() {
    return receiving.received() == sending.sent();
  }

  /** What a row takes when the emulator about keeps up: sending, and a few seconds for set-up and the last messages. */
  public static Duration expected(BenchmarkOptions options) {
    return options.measure().plusSeconds(4);
  }
}
