package com.bellyfed.benchmarks.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * End-to-end event latency: PUT profile on write-service at a steady rate, each with a correlation id of its own; the
 * write's analytics event goes through the analytics bus and queue to analytics-service, which stores it with
 * {@code storedAt}. Latency is {@code storedAt} minus the instant the PUT's response arrived; every acknowledged write
 * must have its stored event (zero loss).
 */
final class EventFlow {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param drainSeconds from the last send until the last event was stored (or the wait gave up)
   */
  record Result(Paced.Result sent, Timeline latency, long stored, Timeline raw, CpuShares.Phase cpu, double drainSeconds) {

    long lost() {
      return sent.accepted() - stored;
    }

    /** Writes acknowledged per second over the run. */
    double acceptedPerSecond() {
      return sent.accepted() / sent.seconds();
    }
  }

  private final Suite suite;
  private final DynamoDbClient dynamoDb;
  private final String adminToken;
  private final String table;
  /** How long a wait for stored events goes on without a new one. */
  private final Duration patience;

  EventFlow(Suite suite, DynamoDbClient dynamoDb, String adminToken, Duration patience) {
    this.suite = suite;
    this.patience = patience;
    this.dynamoDb = dynamoDb;
    this.adminToken = adminToken;
    this.table = suite.topology.table("analytics-events").name();
  }

  Result run(int rate, Duration length, Duration warmup, Duration baseline, int threads) throws Exception {
    String base = suite.service("write-service").base();
    if (!warmup.isZero()) {
      String warm = "warm-" + UUID.randomUUID().toString().substring(0, 8) + "-";
      Instant from = Instant.now();
      System.out.printf("event flow: warm-up %d s at %d/s%n", warmup.toSeconds(), rate / 2);
      Paced.Result sent = Paced.run(Math.max(1, rate / 2), warmup, threads, sequence -> putProfile(base, sequence, warm + sequence));
      awaitStored(warm, from, sent.accepted(), Duration.ofSeconds(120));
    }
    System.out.printf("event flow: raw PutEvents -> SQS baseline, %d s at %d/s%n", baseline.toSeconds(), rate);
    Timeline raw = RawDelivery.measure(suite.localAws.eventBridge(threads), suite.localAws.sqs(16), rate, baseline, threads, patience);
    String prefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Instant from = Instant.now();
    CpuShares cpu = suite.cpu();
    CpuShares.Snapshot before = cpu.take();
    System.out.printf("event flow: PUT profile, %d s at %d/s%n", length.toSeconds(), rate);
    Paced.Result sent = Paced.run(rate, length, threads, sequence -> putProfile(base, sequence, prefix + sequence));
    CpuShares.Phase phase = CpuShares.between(before, cpu.take(), Runtime.getRuntime().availableProcessors());
    long sendsEnded = System.nanoTime();
    System.out.printf("  %,d of %,d acknowledged (failed: %s) in %.1f s%n", sent.accepted(), sent.offered(), sent.failureText(), sent.seconds());
    awaitStored(prefix, from, sent.accepted(), Duration.ofSeconds(180));
    double drain = (System.nanoTime() - sendsEnded) / 1e9;
    Map<String, Instant> stored = storedAt(prefix, from);
    Timeline latency = new Timeline();
    for (int i = 0; i < sent.answeredAt().length; i++) {
      Instant answered = sent.answeredAt()[i];
      Instant at = stored.get(prefix + i);
      if (answered != null && at != null) {
        long micros = TimeUnit.SECONDS.toMicros(at.getEpochSecond() - answered.getEpochSecond()) + (at.getNano() - answered.getNano()) / 1000;
        latency.add((sent.answeredNanos()[i] - sent.startNanos()) / 1e9, Math.max(1, micros));
      }
    }
    long matched = stored.keySet().stream().filter(key -> {
      int sequence = Integer.parseInt(key.substring(prefix.length()));
      return sequence < sent.answeredNanos().length && sent.answeredNanos()[sequence] != 0;
    }).count();
    System.out.printf("  stored %,d, p95 %.1f ms, drained %.1f s after the last send%n", matched, latency.percentileMs(95), drain);
    return new Result(sent, latency, matched, raw, phase, drain);
  }

  private boolean putProfile(String base, int sequence, String correlation) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/users/bench-e2e-" + (sequence % 5000) + "/profile"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken).header("X-Correlation-Id", correlation)
        .timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Bench " + sequence + "\",\"city\":\"Ipoh\"}")).build();
    int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200 && status != 201) {
      throw new IllegalStateException("HTTP " + status);
    }
    return true;
  }

  /** Waits until {@code count} events of the prefix are stored, or none came for {@code patience}, or {@code timeout}. */
  private void awaitStored(String prefix, Instant from, long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    long lastChange = System.nanoTime();
    long lastPrint = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long stored = count(prefix, from);
      if (stored >= count) {
        return;
      }
      if (stored != last) {
        last = stored;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > patience.toNanos()) {
        System.out.printf("  %,d of %,d stored, nothing new for %d s%n", stored, count, patience.toSeconds());
        return;
      }
      if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
        System.out.printf("  %,d of %,d stored%n", stored, count);
        lastPrint = System.nanoTime();
      }
      // Another process stores them: nothing to await on but the table.
      TimeUnit.SECONDS.sleep(1);
    }
  }

  private long count(String prefix, Instant from) {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamoDb.query(query(prefix, from, start).toBuilder().select(Select.COUNT).build());
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  private Map<String, Instant> storedAt(String prefix, Instant from) {
    Map<String, Instant> stored = new HashMap<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamoDb.query(query(prefix, from, start).toBuilder().projectionExpression("correlationId, storedAt").build());
      page.items().forEach(item -> stored.putIfAbsent(item.get("correlationId").s(), Instant.parse(item.get("storedAt").s())));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return stored;
  }

  /** write-service's events since {@code from} (the service index's sort key is the sortable timestamp), of this run's prefix. */
  private QueryRequest query(String prefix, Instant from, Map<String, AttributeValue> start) {
    return QueryRequest.builder().tableName(table).indexName("analytics-service-index")
        .keyConditionExpression("service = :s AND #t >= :from").filterExpression("begins_with(correlationId, :p)")
        .expressionAttributeNames(Map.of("#t", "timestamp"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("write-service"), ":from", AttributeValue.fromS(sortable(from.minusSeconds(5))),
            ":p", AttributeValue.fromS(prefix)))
        .exclusiveStartKey(start).build();
  }

  /** analytics-service's sortable instant: fixed-width UTC with nine fraction digits. */
  static String sortable(Instant instant) {
    return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC).format(instant);
  }
}
