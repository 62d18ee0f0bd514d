package com.bellyfed.benchmarks.analytics;

import com.bellyfed.benchmarks.Reports;
import com.bellyfed.benchmarks.Services;
import com.bellyfed.testing.processes.ServiceProcess;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Runs the real analytics-service jar as its own process against an in-process local-aws and
 * measures, in one run (about 10 minutes):
 *
 * <ol>
 *   <li>warm-up: 90 s of analytics events at 200/s through the analytics bus (not measured; with 15 s
 *       the JIT was still compiling during the first measured phase, which stored 353/s instead of 541/s);
 *   <li>processing delay at fixed rates ({@code --rates}, 1,000, 300, 200 and 100 events/s) for 30 s each
 *       through bus → rule → queue → service: each stored event's {@code processingDelayMs} (its
 *       timestamp, set when it was published, to its storage), p50/p95/p99, read back from the table;
 *       and the archive's share of the same events (what was queued when sending stopped, what it
 *       stored, when its queue was empty again);
 *   <li>ingest rate: a backlog of events put straight on the analytics queue, timed until the
 *       service has stored them all (events/s stored);
 *   <li>the raw baseline: the same number of equivalent items written with BatchWriteItem (25 per
 *       call, 4 writers) to the same table, no transaction, no aggregates, no idempotency.
 * </ol>
 *
 * Needs the service jar: {@code ./mvnw -q install -DskipTests} first. Run from the project root:
 * {@code ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.analytics.AnalyticsIngestBenchmark}.
 */
public final class AnalyticsIngestBenchmark {

  private static final EnvelopeJson JSON = new EnvelopeJson();
  private static final ObjectMapper MAPPER = JsonMapper.shared();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalAws localAws;
  private final Topology topology;
  private final ServiceProcess service;
  /** An admin's access token: every analytics API is admin-only. */
  private final String adminToken;

  private AnalyticsIngestBenchmark(LocalAws localAws, ServiceProcess service) {
    this.localAws = localAws;
    this.topology = localAws.topology();
    this.service = service;
    this.adminToken = localAws.signIn("bench-admin", "admin").accessToken();
  }

  public static void main(String[] args) throws Exception {
    // Without it the emulators log every request at DEBUG, which costs more than they do.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    }
    // The issue's rate first, then rates this machine can keep up with, to show where the target holds.
    List<Integer> rates = Arrays.stream(stringArg(args, "--rates", "1000,300,200,100").split(",")).map(String::trim).map(Integer::parseInt).toList();
    int seconds = intArg(args, "--seconds", 30);
    int backlog = intArg(args, "--backlog", 10_000);
    int warmup = intArg(args, "--warmup-seconds", 90);
    int warmupRate = intArg(args, "--warmup-rate", 200);
    int writers = intArg(args, "--writers", 0);
    Path root = projectRoot();
    Path jar = Files.list(root.resolve("analytics-service/target"))
        .filter(p -> p.getFileName().toString().matches("analytics-service-.*\\.jar") && !p.toString().endsWith("plain.jar"))
        .findFirst().orElseThrow(() -> new IllegalStateException("Build the service first: ./mvnw -q install -DskipTests"));
    String loadBefore = loadAverage();
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0))) {
      try (ServiceProcess service = start(jar, localAws, root, writers)) {
        AnalyticsIngestBenchmark benchmark = new AnalyticsIngestBenchmark(localAws, service);
        service.awaitReady(Duration.ofSeconds(120));
        System.out.printf("warm-up: %d s at %d events/s, until stored%n", warmup, warmupRate);
        String warmupService = "bench-warmup-" + UUID.randomUUID().toString().substring(0, 6);
        benchmark.awaitStored(warmupService, benchmark.paced(warmupService, warmupRate, warmup), Duration.ofSeconds(120));
        // What the warm-up left in either queue would weigh on the first phase.
        benchmark.awaitArchived(warmupService, Duration.ofSeconds(60));
        benchmark.purge("analytics");
        benchmark.purge("archive");
        List<Paced> pacedRuns = new ArrayList<>();
        for (int rate : rates) {
          String pacedService = "bench-paced-" + rate + "-" + UUID.randomUUID().toString().substring(0, 6);
          System.out.printf("processing delay: %d s at %d events/s%n", seconds, rate);
          Map<Double, Double> bucketsBefore = benchmark.delayBuckets();
          long offered = benchmark.paced(pacedService, rate, seconds);
          long[] backlogs = {benchmark.depth("analytics"), benchmark.depth("archive")};
          long sendsEnded = System.nanoTime();
          List<Map<String, AttributeValue>> paced = benchmark.awaitStored(pacedService, offered, Duration.ofSeconds(90));
          CommitDelay commitDelay = CommitDelay.between(bucketsBefore, benchmark.delayBuckets());
          Archived archived = benchmark.awaitArchived(pacedService, Duration.ofSeconds(90), sendsEnded);
          // What the service did not store in time would delay the next phase: drop it.
          benchmark.purge("analytics");
          benchmark.purge("archive");
          long[] delays = paced.stream().mapToLong(item -> Long.parseLong(item.get("processingDelayMs").n())).sorted().toArray();
          pacedRuns.add(new Paced(rate, offered, delays, commitDelay, storeRate(paced), backlogs, archived));
        }

        System.out.printf("ingest rate: a backlog of %,d events on the queue%n", backlog);
        String burstService = "bench-burst-" + UUID.randomUUID().toString().substring(0, 6);
        double[] batchBefore = benchmark.batchMetrics();
        double[] burst = benchmark.burst(burstService, backlog);
        double[] batchAfter = benchmark.batchMetrics();
        // events per transaction, ms per transaction, over the backlog phase
        double[] batches = {
            (batchAfter[1] - batchBefore[1]) / Math.max(1, batchAfter[0] - batchBefore[0]),
            1000 * (batchAfter[3] - batchBefore[3]) / Math.max(1, batchAfter[2] - batchBefore[2])};

        System.out.printf("raw BatchWriteItem: %,d items%n", backlog);
        double raw = benchmark.rawBatchWrite(backlog);
        System.out.printf("raw TransactWriteItems: %,d items%n", backlog);
        double rawTransactions = benchmark.rawTransactions(backlog);

        String report = report(pacedRuns, seconds, backlog, burst, batches, raw, rawTransactions, loadBefore, loadAverage());
        System.out.println(report);
        Path out = root.resolve(stringArg(args, "--report", "benchmarks/reports/analytics-service.md"));
        Reports.write(out, report);
        System.out.println("written to " + out);
      }
    }
  }

  /** Starts the service; {@code writers} > 0 overrides its number of ingest writers. */
  private static ServiceProcess start(Path jar, LocalAws localAws, Path root, int writers) throws Exception {
    // The service refuses to start without a cursor secret; a benchmark pages nothing worth guarding.
    List<String> settings = new ArrayList<>(List.of("--bellyfed.paging.cursor-secret=benchmark-only-cursor-secret-0123456789"));
    if (writers > 0) {
      settings.add("--bellyfed.analytics.ingest-writers=" + writers);
    }
    return Services.start("analytics-service", jar, localAws, root.resolve("benchmarks/target/analytics-service-benchmark.log"),
        List.of("-Xmx512m"), settings);
  }

  /** Publishes {@code rate} events a second for {@code seconds} through the analytics bus, 10 per PutEvents; returns how many. */
  private long paced(String service, int rate, int seconds) throws Exception {
    String bus = topology.bus("analytics").name();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    AtomicLong sent = new AtomicLong();
    long calls = (long) rate * seconds / 10;
    long interval = TimeUnit.SECONDS.toNanos(1) * 10 / rate;
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (long i = 0; i < calls; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      futures.add(senders.submit(() -> {
        List<PutEventsRequestEntry> entries = new ArrayList<>(10);
        for (int j = 0; j < 10; j++) {
          entries.add(PutEventsRequestEntry.builder().eventBusName(bus).source("bellyfed.analytics").detailType("RestaurantQueryAnalytics")
              .detail(JSON.write(event(service, Instant.now()))).build());
        }
        int failed = localAws.eventBridge().putEvents(request -> request.entries(entries)).failedEntryCount();
        sent.addAndGet(10 - failed);
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    senders.shutdown();
    return sent.get();
  }

  /**
   * The service's cumulative histogram of processing delay to commit ({@code le} in seconds →
   * count), from its Prometheus endpoint: the delay stored in each item is measured to the start of
   * its transaction, this one to the commit.
   */
  private Map<Double, Double> delayBuckets() throws Exception {
    Map<Double, Double> buckets = new java.util.TreeMap<>();
    for (String line : service.actuator("/actuator/prometheus").split("\n")) {
      if (line.startsWith("bellyfed_analytics_processing_delay_seconds_bucket{")) {
        java.util.regex.Matcher le = java.util.regex.Pattern.compile("le=\"([^\"]+)\"").matcher(line);
        if (le.find()) {
          double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
          buckets.merge(bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
        }
      }
    }
    return buckets;
  }

  /** {transactions, events in them, transactions timed, seconds in them} so far, from the service's Prometheus endpoint. */
  private double[] batchMetrics() throws Exception {
    double[] values = new double[4];
    String[] names = {"bellyfed_analytics_ingest_batch_size_count", "bellyfed_analytics_ingest_batch_size_sum",
        "bellyfed_analytics_ingest_transactions_seconds_count", "bellyfed_analytics_ingest_transactions_seconds_sum"};
    for (String line : service.actuator("/actuator/prometheus").split("\n")) {
      for (int i = 0; i < names.length; i++) {
        if (line.startsWith(names[i] + "{") || line.startsWith(names[i] + " ")) {
          values[i] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return values;
  }

  /** Delay to commit over one phase, from the difference of two histogram snapshots. */
  record CommitDelay(double count, double p95UpperBoundMs) {

    static CommitDelay between(Map<Double, Double> before, Map<Double, Double> after) {
      double count = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
      double p95 = Double.POSITIVE_INFINITY;
      for (Map.Entry<Double, Double> bucket : after.entrySet()) {
        if (count > 0 && bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= 0.95 * count) {
          p95 = bucket.getKey() * 1000;
          break;
        }
      }
      return new CommitDelay(count, p95);
    }
  }

  private void purge(String flow) throws Exception {
    String queue = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue(flow).name())).queueUrl();
    localAws.sqs().purgeQueue(request -> request.queueUrl(queue));
    Thread.sleep(2000);
  }

  /** Messages of a flow's queue, visible and in flight. */
  private long depth(String flow) {
    String queue = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue(flow).name())).queueUrl();
    Map<String, String> attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(queue).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return Long.parseLong(attributes.get("ApproximateNumberOfMessages")) + Long.parseLong(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }

  /** What the archive did with one phase's events: how many it stored, and when its queue had drained. */
  record Archived(long stored, double drainedAfterSeconds) {}

  /**
   * Waits until the archive queue is empty (or {@code timeout}), then counts the phase's events in the
   * event archive: the benchmark gives every event of a phase the phase's correlation id.
   */
  private Archived awaitArchived(String correlationId, Duration timeout, long since) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    double drained = Double.NaN;
    while (System.nanoTime() < deadline) {
      if (depth("archive") == 0) {
        drained = (System.nanoTime() - since) / 1e9;
        break;
      }
      Thread.sleep(250);
    }
    long stored = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = localAws.dynamoDb().query(query -> query.tableName(topology.table("event-archive").name())
          .indexName("archive-correlation-index").keyConditionExpression("correlationId = :c").select("COUNT")
          .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(correlationId))).exclusiveStartKey(exclusiveStart));
      stored += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return new Archived(stored, drained);
  }

  private Archived awaitArchived(String correlationId, Duration timeout) throws Exception {
    return awaitArchived(correlationId, timeout, System.nanoTime());
  }

  /** Puts a backlog on the queue as fast as possible; returns {events/s stored, seconds}. */
  private double[] burst(String service, int count) throws Exception {
    String queue = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue("analytics").name())).queueUrl();
    long start = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < count; from += 10) {
      int size = Math.min(10, count - from);
      futures.add(senders.submit(() -> {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int j = 0; j < size; j++) {
          EventEnvelope event = event(service, Instant.now());
          entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j)).messageBody(eventBridgeEvent(event)).build());
        }
        localAws.sqs().sendMessageBatch(request -> request.queueUrl(queue).entries(entries));
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    senders.shutdown();
    awaitStored(service, count, Duration.ofSeconds(120));
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {count / seconds, seconds};
  }

  private double rawBatchWrite(int count) throws Exception {
    String table = topology.table("analytics-events").name();
    String service = "bench-raw-" + UUID.randomUUID().toString().substring(0, 6);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < count; from += 25) {
      int size = Math.min(25, count - from);
      futures.add(writers.submit(() -> {
        List<WriteRequest> writes = new ArrayList<>();
        for (int j = 0; j < size; j++) {
          writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(rawItem(service)).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        while (!pending.isEmpty()) {
          Map<String, List<WriteRequest>> request = pending;
          BatchWriteItemResponse response = localAws.dynamoDb().batchWriteItem(batch -> batch.requestItems(request));
          pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    writers.shutdown();
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** The same items as {@link #rawBatchWrite}, put on condition that they are new, 98 per TransactWriteItems, 4 writers. */
  private double rawTransactions(int count) throws Exception {
    String table = topology.table("analytics-events").name();
    String service = "bench-rawtx-" + UUID.randomUUID().toString().substring(0, 6);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < count; from += 98) {
      int size = Math.min(98, count - from);
      futures.add(writers.submit(() -> {
        List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> items = new ArrayList<>();
        for (int j = 0; j < size; j++) {
          Map<String, AttributeValue> item = rawItem(service);
          items.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
              .put(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(eventId)")).build());
        }
        localAws.dynamoDb().transactWriteItems(request -> request.transactItems(items));
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    writers.shutdown();
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private List<Map<String, AttributeValue>> awaitStored(String service, long count, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastReport = System.nanoTime();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> summary = api("/api/analytics/summary?service=" + service + "&from=" + Instant.now().minus(Duration.ofHours(1))
          + "&to=" + Instant.now().plus(Duration.ofMinutes(5)));
      if (summary.statusCode() != 200) {
        throw new IllegalStateException("GET /api/analytics/summary answered " + summary.statusCode() + ": " + summary.body());
      }
      long stored = MAPPER.readTree(summary.body()).path("total").path("count").asLong(0);
      if (stored >= count) {
        break;
      }
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
        System.out.printf("  %,d of %,d stored%n", stored, count);
        lastReport = System.nanoTime();
      }
      Thread.sleep(200);
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = localAws.dynamoDb().query(query -> query.tableName(topology.table("analytics-events").name())
          .indexName("analytics-service-index").keyConditionExpression("service = :s")
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(service))).exclusiveStartKey(exclusiveStart));
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    if (items.size() < count) {
      System.out.printf("warning: %d of %d events stored within %s%n", items.size(), count, timeout);
    }
    return items;
  }

  private static double storeRate(List<Map<String, AttributeValue>> items) {
    long[] received = items.stream().mapToLong(item -> Instant.parse(item.get("storedAt").s()).toEpochMilli()).sorted().toArray();
    return received.length < 2 ? 0 : (received.length - 1) / ((received[received.length - 1] - received[0]) / 1000.0);
  }

  private static EventEnvelope event(String service, Instant timestamp) {
    Map<String, Object> data = new HashMap<>();
    data.put("eventType", "RESTAURANT_QUERY_ANALYTICS");
    data.put("action", "EXECUTE");
    data.put("eventCategory", "QUERY");
    data.put("status", Math.random() < 0.01 ? "FAILURE" : "SUCCESS");
    data.put("duration", (long) (Math.exp(Math.random() * 7)));
    data.put("properties", Map.of("service", service, "version", "1.0.0"));
    // The phase as correlation id, so that the archive's correlation index counts a phase's events.
    return new EventEnvelope(UUID.randomUUID().toString(), "RESTAURANT_QUERY_ANALYTICS", 1, "bellyfed.analytics", timestamp,
        service, null, 0, null, MAPPER.valueToTree(data), Map.of("service", service));
  }

  private static String eventBridgeEvent(EventEnvelope event) {
    return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"RestaurantQueryAnalytics\",\"source\":\"bellyfed.analytics\","
        + "\"account\":\"000000000000\",\"time\":\"" + event.timestamp() + "\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":"
        + JSON.write(event) + "}";
  }

  /** The item the service writes for one event, without its transaction, aggregates or guard. */
  private static Map<String, AttributeValue> rawItem(String service) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("eventId", AttributeValue.fromS(id));
    item.put("eventType", AttributeValue.fromS("RESTAURANT_QUERY_ANALYTICS"));
    item.put("service", AttributeValue.fromS(service));
    item.put("serviceEventType", AttributeValue.fromS(service + "#RESTAURANT_QUERY_ANALYTICS"));
    item.put("timestamp", AttributeValue.fromS(now + "#" + id));
    item.put("occurredAt", AttributeValue.fromS(now.toString()));
    item.put("action", AttributeValue.fromS("EXECUTE"));
    item.put("eventCategory", AttributeValue.fromS("QUERY"));
    item.put("status", AttributeValue.fromS("SUCCESS"));
    item.put("duration", AttributeValue.fromN("42"));
    item.put("properties", AttributeValue.fromS("{\"service\":\"" + service + "\",\"version\":\"1.0.0\"}"));
    item.put("source", AttributeValue.fromS("bellyfed.analytics"));
    item.put("correlationId", AttributeValue.fromS(UUID.randomUUID().toString()));
    item.put("receivedAt", AttributeValue.fromS(now.toString()));
    item.put("processingDelayMs", AttributeValue.fromN("0"));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(Duration.ofDays(90)).getEpochSecond())));
    return item;
  }

  /** One paced phase: the rate offered, the events offered, the delays read back, the commit histogram, the rate stored. */
  record Paced(int rate, long offered, long[] delays, CommitDelay commitDelay, double storeRate, long[] backlogs, Archived archived) {

    /** Kept up: every event stored and counted, and neither queue held more than a second's events when sending stopped. */
    boolean keptUp() {
      return delays.length == offered && archived.stored() == offered && backlogs[0] <= rate && backlogs[1] <= rate;
    }
  }

  private static String report(List<Paced> pacedRuns, int seconds, int backlog, double[] burst, double[] batches,
      double raw, double rawTransactions, String loadBefore, String loadAfter) {
    StringBuilder text = new StringBuilder();
    text.append("# analytics-service benchmark\n\n");
    text.append("Written by `AnalyticsIngestBenchmark` (package `com.bellyfed.benchmarks.analytics`) on ").append(Instant.now()).append(".\n\n");
    text.append("```\n./mvnw -q install -DskipTests\n./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.analytics.AnalyticsIngestBenchmark\n```\n\n");
    text.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.runtime.version"))
        .append(", load average before ").append(loadBefore).append(", after ").append(loadAfter)
        .append(". The service runs as its own process (`java -jar`, 512 MB heap); local-aws and the load generator share the benchmark's JVM, "
            + "and all three share the machine's cores (with whatever else the machine runs).\n\n");
    text.append("## Processing delay at a fixed rate\n\n");
    text.append(String.format(Locale.ROOT, "Events offered at each rate for %d s (PutEvents, 10 per call, 8 threads) to the analytics bus, one "
        + "rate after the other (`--rates`); the rule delivers them to the analytics queue (and, like every event, to the archive queue); "
        + "the service validates, stores and aggregates each. Delay = the event's timestamp "
        + "(set when it was published) to the start of the transaction that stored it, as the service records it in `processingDelayMs`; "
        + "read back from the table for every event. \"To commit\" is the service's `bellyfed.analytics.processing.delay` histogram "
        + "over the same phase (the upper bound of the bucket that holds the p95). The archive listener stores the same events from the archive "
        + "queue; \"kept up\" means every event was stored and counted in both, and neither queue held more than one second's events "
        + "when sending stopped. Whatever is still queued once a phase is measured is purged before the next one.%n%n", seconds));
    text.append("| offered/s | analytics events stored (within 90 s of the last send) | stored/s while offered | p50 | p95 | p99 | max | p95 to commit "
        + "| queued when sending stopped (analytics / archive) | archived | archive queue empty after the last send | kept up | target p95 < 100 ms |\n"
        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Paced run : pacedRuns) {
      long[] delays = run.delays();
      text.append(String.format(Locale.ROOT, "| %,d | %,d of %,d | %,.0f | %d ms | %d ms | %d ms | %d ms | %s | %,d / %,d | %,d of %,d | %s | %s | %s |%n",
          run.rate(), delays.length, run.offered(),
          run.storeRate(), percentile(delays, 0.50), percentile(delays, 0.95), percentile(delays, 0.99), delays.length == 0 ? 0 : delays[delays.length - 1],
          Double.isInfinite(run.commitDelay().p95UpperBoundMs()) ? "unknown" : String.format(Locale.ROOT, "≤ %.0f ms", run.commitDelay().p95UpperBoundMs()),
          run.backlogs()[0], run.backlogs()[1], run.archived().stored(), run.offered(),
          Double.isNaN(run.archived().drainedAfterSeconds()) ? "not within 90 s" : String.format(Locale.ROOT, "%.1f s", run.archived().drainedAfterSeconds()),
          run.keptUp() ? "yes" : "no",
          run.keptUp() && percentile(delays, 0.95) < 100 ? "met" : "not met"));
    }
    text.append('\n');
    text.append("## Ingest rate against raw BatchWriteItem\n\n");
    text.append(String.format(Locale.ROOT, "A backlog of %,d events sent straight to the analytics queue (SendMessageBatch, 4 threads), timed until "
        + "the service had stored them all; then %,d equivalent items written with BatchWriteItem (25 per call, 4 threads) to the same table.%n%n",
        backlog, backlog));
    text.append("| path | events/s stored | ratio to raw |\n| --- | --- | --- |\n");
    text.append(String.format(Locale.ROOT, "| service: validate, then shared transactions of up to 98 events (conditional puts) + their summed aggregate rows | %,.0f | %.2f |%n",
        burst[0], burst[0] / raw));
    text.append(String.format(Locale.ROOT, "| raw BatchWriteItem of the event item alone | %,.0f | 1.00 |%n", raw));
    text.append(String.format(Locale.ROOT, "| raw TransactWriteItems of the same items, 98 conditional puts per call, 4 writers | %,.0f | %.2f |%n%n",
        rawTransactions, rawTransactions / raw));
    text.append(String.format(Locale.ROOT, "During the backlog the service stored %.1f events per transaction on average, %.0f ms per transaction "
        + "(its `bellyfed.analytics.ingest.batch.size` and `.transactions` meters).%n%n", batches[0], batches[1]));
    text.append("""
        ## Reading the figures

        - Per poll of ten the service validates each event and hands the valid ones to one of four writers; a
          writer commits whatever waited meanwhile (up to 98 events) in one TransactWriteItems: a conditional
          put per event (its idempotency record) and one summed ADD per aggregate row (its service and type,
          its service over all types, in the writer's own shard of the minute). The raw baselines write the
          same event items with no aggregates and no SQS: BatchWriteItem (no condition, so no exactly-once),
          and TransactWriteItems of 98 conditional puts, which is the floor of this design.
        - The delay includes EventBridge → SQS delivery and the listener's long poll; at a rate the service keeps up
          with, it is the sum of those and one transaction. Above its ingest rate the queue grows and the delay
          with it: compare the offered rate with the ingest rate above. Through the bus every event is also
          archived (the catch-all rule), which is why the paced phase stores less per second than the backlog.
        - local-aws's DynamoDB engine locks only the items a transaction or a batch writes (decision 20), so the
          archive's batch writes and the analytics transactions progress side by side; contending transactions on
          the same aggregate rows wait for each other instead of failing.
        - Everything shares two cores: the service, ElasticMQ, the EventBridge emulator, the DynamoDB engine and the
          load generator. On AWS none of those run on the service's cores, and a transaction costs 2 WCU per item.
        """);
    return text.toString();
  }

  private static long percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }

  /** GET on the service's API, as an admin. */
  private HttpResponse<String> api(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + path)).header("Authorization", "Bearer " + adminToken).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Run from inside the project");
    }
    return dir;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String stringArg(String[] args, String name, String defaultValue) {
    int index = Arrays.asList(args).indexOf(name);
    return index >= 0 && index + 1 < args.length ? args[index + 1] : defaultValue;
  }

  private static int intArg(String[] args, String name, int defaultValue) {
    int index = Arrays.asList(args).indexOf(name);
    return index >= 0 && index + 1 < args.length ? Integer.parseInt(args[index + 1]) : defaultValue;
  }
}
