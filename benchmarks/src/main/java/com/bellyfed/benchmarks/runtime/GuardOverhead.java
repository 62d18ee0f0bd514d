package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.benchmarks.localaws.LoadTools;
import com.bellyfed.benchmarks.localaws.Throughput;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.AwsClients;
import com.bellyfed.localaws.LocalAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * What the idempotency guard costs per message. The same events, sent to SQS beforehand as the
 * bodies a rule delivers, are handled once by a baseline that only reads the envelope and deletes,
 * and once by the ReliableConsumer with the guard on the processed-events table (a consistent
 * GetItem before the handler, a PutItem after it). The two alternate in halves (baseline, guard,
 * baseline, guard), each half from a queue of its own holding the same bodies. Then GetItem and
 * PutItem run on their own, from as many threads as there are receivers, with the client and table
 * the guard uses (that is what the guard adds).
 *
 * @param messages messages per variant
 * @param baseline parse and delete
 * @param guarded ReliableConsumer.handle with the guard, and delete
 * @param dynamoDb GetItem + PutItem measured on their own
 */
public record GuardOverhead(int messages, Variant baseline, Variant guarded, DynamoDbCalls dynamoDb) {

  /** Threads of the SendMessageBatch set-up, which is not measured. */
  private static final int SEND_THREADS = 4;

  /**
   * How one variant handled its messages.
   *
   * @param handled messages handled (and deleted)
   * @param errors handlers, receives or deletes that threw, and messages not handled in time
   * @param perMessage the handling of one message, without receive and delete (µs histogram)
   * @param busyMicrosPerMessage the receivers' busy time per message (receive, handling, delete), averaged over receivers
   * @param span from the first receive until the last delete, summed over both halves
   */
  public record Variant(long handled, long errors, Histogram perMessage, double busyMicrosPerMessage, Duration span) {

    public double meanMicros() {
      return perMessage.getTotalCount() == 0 ? Double.NaN : perMessage.getMean();
    }

    public double messagesPerSecond() {
      return handled / (Math.max(1, span.toNanos()) / 1e9);
    }

    Variant plus(Variant other) {
      Histogram both = perMessage.copy();
      both.add(other.perMessage);
      long total = handled + other.handled;
      // Weighted by messages, as if both halves had been one run.
      double busy = total == 0 ? Double.NaN : (busyMicrosPerMessage * handled + other.busyMicrosPerMessage * other.handled) / total;
      return new Variant(total, errors + other.errors, both, busy, span.plus(other.span));
    }
  }

  /**
   * GetItem (consistent) and PutItem on the processed-events table, one pair after the other per
   * thread, through the edge as the guard calls them.
   *
   * @param threads the threads of the closed loop, as many as receivers
   */
  public record DynamoDbCalls(int threads, Calls edge) {}

  /**
   * One route's calls.
   *
   * @param pairs the closed loop; latency per pair
   * @param get GetItem alone (µs histogram)
   * @param put PutItem alone (µs histogram)
   */
  public record Calls(Throughput pairs, Histogram get, Histogram put) {}

  public static GuardOverhead run(RuntimeParts parts, BenchClients clients, RuntimeOptions options) throws InterruptedException {
    LocalAws localAws = parts.localAws();
    int first = options.guardMessages() / 2;
    List<String> bodies = bodies(parts, options.guardMessages());
    List<String> firstHalf = bodies.subList(0, first);
    List<String> secondHalf = bodies.subList(first, bodies.size());
    List<String> queues = new ArrayList<>();
    try {
      String baseline1 = queue(localAws, queues, "baseline-1");
      String guarded1 = queue(localAws, queues, "guarded-1");
      String baseline2 = queue(localAws, queues, "baseline-2");
      String guarded2 = queue(localAws, queues, "guarded-2");
      send(clients.directSqs(), baseline1, firstHalf);
      send(clients.directSqs(), guarded1, firstHalf);
      send(clients.directSqs(), baseline2, secondHalf);
      send(clients.directSqs(), guarded2, secondHalf);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      String consumerName = "bench-guard-" + UUID.randomUUID().toString().substring(0, 8);
      try (ReliableConsumer consumer = parts.consumer(registry)) {
        Handling baseline = (queueUrl, message) -> {
          ReviewEvents.unwrap(parts.json(), message.body());
          return true;
        };
        Handling guarded = (queueUrl, message) -> {
          ReliableConsumer.Outcome outcome = consumer.handle(consumerName, TapReceivers.inbound(queueUrl, message), event -> { });
          if (outcome != ReliableConsumer.Outcome.HANDLED) {
            // Every event is new to this consumer name: anything else is a failure of the run, counted as an error.
            throw new IllegalStateException("Expected HANDLED, got " + outcome + " for message " + message.messageId());
          }
          return true;
        };
        Variant b1 = handle(clients, options, baseline1, first, baseline);
        Variant g1 = handle(clients, options, guarded1, first, guarded);
        Variant b2 = handle(clients, options, baseline2, bodies.size() - first, baseline);
        Variant g2 = handle(clients, options, guarded2, bodies.size() - first, guarded);
        DynamoDbCalls dynamoDb = dynamoDb(localAws, parts.processedEventsTable(), options);
        return new GuardOverhead(options.guardMessages(), b1.plus(b2), g1.plus(g2), dynamoDb);
      }
    } finally {
      queues.forEach(url -> localAws.sqs().deleteQueue(request -> request.queueUrl(url)));
    }
  }

  /** One variant's handling of one message; returns whether it was handled and may be deleted. */
  @FunctionalInterface
  private interface Handling {
    boolean handle(String queueUrl, Message message) throws Exception;
  }

  /** The bodies of {@code count} events as a rule on the restaurant bus would deliver them. */
  private static List<String> bodies(RuntimeParts parts, int count) {
    String correlationId = "bench-guard-" + UUID.randomUUID();
    String region = parts.localAws().region().id();
    List<String> bodies = new ArrayList<>(count);
    for (int seq = 0; seq < count; seq++) {
      EventEnvelope envelope = parts.envelope(correlationId, ReviewEvents.payload(seq));
      bodies.add(ReviewEvents.deliveredBody(parts.sender().prepare(envelope).entry(), LocalAws.ACCOUNT, region));
    }
    return bodies;
  }

  private static String queue(LocalAws localAws, List<String> queues, String purpose) {
    String name = "bench-guard-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    String url = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    queues.add(url);
    return url;
  }

  /** SendMessageBatch, 10 bodies per call, from a few threads: set-up, not measured. */
  private static void send(SqsClient sqs, String queueUrl, List<String> bodies) throws InterruptedException {
    int batches = (bodies.size() + 9) / 10;
    FixedCount.Result sent = FixedCount.run("guard-send", SEND_THREADS, batches, Duration.ofSeconds(60), (thread, seq) -> {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
      int from = (int) seq * 10;
      for (int i = from; i < Math.min(from + 10, bodies.size()); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from)).messageBody(bodies.get(i)).build());
      }
      SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
      if (response.hasFailed() && !response.failed().isEmpty()) {
        throw new IllegalStateException("SendMessageBatch failed for " + response.failed().size() + " messages: " + response.failed().get(0));
      }
      return entries.size();
    });
    if (sent.units() != bodies.size()) {
      throw new IllegalStateException("Only " + sent.units() + " of " + bodies.size() + " messages were sent: " + sent.firstError());
    }
  }

  /** Receivers handle the queue's {@code count} messages; the variant's handling alone is timed per message. */
  private static Variant handle(BenchClients clients, RuntimeOptions options, String queueUrl, int count, Handling handling)
      throws InterruptedException {
    Recorder perMessage = LoadTools.recorder();
    AtomicLong handled = new AtomicLong();
    // Generous: a variant that cannot handle its share in this time is broken, not slow.
    Duration limit = options.drain().plusSeconds(60);
    TapReceivers receivers =
        new TapReceivers(clients.directSqs(), queueUrl, options.receivers(), limit.plusSeconds(5), "guard-receiver", message -> {
          long began = System.nanoTime();
          boolean done = handling.handle(queueUrl, message);
          perMessage.recordValue(LoadTools.micros(System.nanoTime() - began));
          if (done) {
            handled.incrementAndGet();
          }
          return done;
        }).start();
    TapReceivers.Result receiving;
    try {
      receivers.awaitUntil(() -> handled.get() >= count, limit);
    } finally {
      receiving = receivers.stop();
    }
    long missing = Math.max(0, count - handled.get());
    return new Variant(handled.get(), receiving.errors() + missing, perMessage.getIntervalHistogram(), receiving.busyMicrosPerMessage(), receiving.span());
  }

  /** The guard's two calls on their own, through the edge with the guard's client. */
  private static DynamoDbCalls dynamoDb(LocalAws localAws, String table, RuntimeOptions options) throws InterruptedException {
    return new DynamoDbCalls(options.receivers(), calls("dynamodb-edge", localAws.dynamoDb(), table, options));
  }

  /** GetItem then PutItem of the guard's item shape, each pair on a fresh key, from as many threads as receivers. */
  private static Calls calls(String name, DynamoDbClient dynamoDb, String table, RuntimeOptions options) throws InterruptedException {
    Recorder get = LoadTools.recorder();
    Recorder put = LoadTools.recorder();
    String consumer = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
    Clock clock = Clock.systemUTC();
    Throughput pairs = LoadTools.closedLoop(name, options.receivers(), options.dynamoDb(), (thread, seq) -> {
      String eventId = UUID.randomUUID().toString();
      Map<String, AttributeValue> key = Map.of("consumer", AttributeValue.fromS(consumer), "eventId", AttributeValue.fromS(eventId));
      long began = System.nanoTime();
      if (dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).hasItem()) {
        throw new IllegalStateException("A fresh key exists already: " + eventId);
      }
      long got = System.nanoTime();
      dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
          "consumer", AttributeValue.fromS(consumer),
          "eventId", AttributeValue.fromS(eventId),
          "processedAt", AttributeValue.fromS(clock.instant().toString()),
          "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(IdempotencyGuard.DEFAULT_RETENTION).getEpochSecond())))));
      long stored = System.nanoTime();
      get.recordValue(LoadTools.micros(got - began));
      put.recordValue(LoadTools.micros(stored - got));
      return 1;
    });
    return new Calls(pairs, get.getIntervalHistogram(), put.getIntervalHistogram());
  }

  /** Guard minus baseline, per message handled, in µs. */
  public double overheadMicros() {
    return guarded.meanMicros() - baseline.meanMicros();
  }
}
