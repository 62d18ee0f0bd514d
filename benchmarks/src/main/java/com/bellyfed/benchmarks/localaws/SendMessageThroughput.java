package com.bellyfed.benchmarks.localaws;

import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SendMessage from closed-loop threads to one fresh queue, straight to ElasticMQ and through the
 * edge. The two alternate in halves (raw, edge, raw, edge) so that a JIT still improving, or a
 * neighbour on the machine, does not favour whichever runs second.
 */
public record SendMessageThroughput(Throughput raw, Throughput edge) {

  public static SendMessageThroughput run(BenchClients clients, BenchmarkOptions options) throws InterruptedException {
    Payloads payloads = new Payloads(options.payloadBytes());
    Duration half = options.measure().dividedBy(2);
    try (BenchQueue queue = BenchQueue.create(clients.edgeSqs(), clients.region(), "send")) {
      Throughput raw = run("send-raw", clients.directSqs(), queue, payloads, options.threads(), half);
      Throughput edge = run("send-edge", clients.edgeSqs(), queue, payloads, options.threads(), half);
      raw = raw.plus(run("send-raw", clients.directSqs(), queue, payloads, options.threads(), half));
      edge = edge.plus(run("send-edge", clients.edgeSqs(), queue, payloads, options.threads(), half));
      return new SendMessageThroughput(raw, edge);
    }
  }

  private static Throughput run(String name, SqsClient sqs, BenchQueue queue, Payloads payloads, int threads, Duration duration)
      throws InterruptedException {
    return ClosedLoop.run(name, threads, duration, (thread, seq) -> {
      sqs.sendMessage(request -> request.queueUrl(queue.url()).messageBody(payloads.json(seq, System.nanoTime())));
      return 1;
    });
  }

  /** Edge throughput as a share of ElasticMQ's own. */
  public double ratio() {
    return edge.unitsPerSecond() / raw.unitsPerSecond();
  }
}
