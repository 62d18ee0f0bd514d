package com.bellyfed.benchmarks.localaws;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Mixed traffic before anything is measured: a fresh JVM runs several times slower for its first
 * tens of seconds, and every code path measured later (edge, direct ElasticMQ, PutEvents, matching,
 * delivery, receive and delete) should be compiled by then.
 *
 * @param traffic the calls made; units are messages sent plus entries accepted
 * @param delivery what became of the accepted events before the warm-up ended
 * @param received messages the drainer received and deleted
 */
public record Warmup(Throughput traffic, DeliveryWatch.Outcome delivery, long received) {

  public static Warmup run(BenchClients clients, DeliveryWatch watch, BenchmarkOptions options) throws InterruptedException {
    Payloads payloads = new Payloads(options.payloadBytes());
    try (BenchRoute route = BenchRoute.create(clients, "warmup")) {
      String queueUrl = route.queue().url();
      DeliveryWatch.Snapshot base = watch.now();
      QueueReceivers drainer = new QueueReceivers(clients.directSqs(), queueUrl, 1, options.warmup().plus(options.drain())).start();
      Throughput traffic =
          ClosedLoop.run(
              "warmup", options.threads(), options.warmup(),
              (thread, seq) ->
                  switch ((int) (seq % 3)) {
                    case 0 -> send(clients.edgeSqs(), queueUrl, payloads.json(seq, System.nanoTime()));
                    case 1 -> send(clients.directSqs(), queueUrl, payloads.json(seq, System.nanoTime()));
                    default -> route.put(payloads.batch(seq, PutEventsThroughput.ENTRIES_PER_CALL));
                  });
      long accepted = watch.now().minus(base).accepted();
      DeliveryWatch.Outcome delivery = watch.await(base, accepted, options.drain());
      QueueReceivers.Result drained = drainer.stop();
      return new Warmup(traffic, delivery, drained.received());
    }
  }

  private static int send(SqsClient sqs, String queueUrl, String body) {
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    return 1;
  }
}
