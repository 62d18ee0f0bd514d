package com.bellyfed.benchmarks.write;

import com.bellyfed.benchmarks.Reports;
import com.bellyfed.benchmarks.Services;
import com.bellyfed.testing.processes.ServiceProcess;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Starts local-aws in this JVM and the write-service jar as a child process pointed at it, then
 * measures, at a fixed number of concurrent clients: PUT profile and POST review over HTTP, the raw
 * TransactWriteItems of an entity and an outbox row with the SDK (the floor every write stands on),
 * and the delay from an HTTP response to its domain event on a queue. Writes a Markdown report.
 */
@Command(
    name = "write-service-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures the write-service against local-aws and writes benchmarks/reports/write-service.md; about 2 minutes with the defaults.")
public final class WriteServiceBenchmark implements Callable<Integer> {

  @Option(names = "--jar", description = "The write-service jar (default: the newest write-service/target/write-service-*.jar).")
  Path jar;

  @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--warmup-seconds", defaultValue = "15", description = "Traffic on every path before measuring (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--seconds", defaultValue = "20", description = "Length of each measured phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--report", defaultValue = "benchmarks/reports/write-service.md", description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  Path report;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) {
    // Before the first logger exists: the emulators' DEBUG output would slow the run down.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    }
    int exitCode = new CommandLine(new WriteServiceBenchmark()).execute(args);
    // exec:java runs in Maven's JVM: exiting on success would cut Maven short.
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** What one phase measured. */
  record Phase(String name, long operations, long failures, double seconds, Histogram latency) {

    double throughput() {
      return operations / seconds;
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.1f | %.1f | %.1f |", name, operations, failures, throughput(),
          latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }
  }

  @Override
  public Integer call() throws Exception {
    Path root = projectRoot();
    Path serviceJar = jar != null ? jar : newestJar(root.resolve("write-service/target"));
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0))) {
      // An admin writes the restaurant and any user's profile; a user writes the reviews (the author is the token's).
      adminToken = localAws.signIn("bench-admin", "admin").accessToken();
      userToken = localAws.signIn("bench").accessToken();
      try (ServiceProcess service = Services.start("write-service", serviceJar, localAws,
          root.resolve("benchmarks/target/write-service-benchmark.log"), List.of(),
          // The benchmark measures the write path; the per-user and per-address limits would refuse most of its load.
          List.of("--bellyfed.security.rate-limits.enabled=false", "--logging.level.root=INFO"))) {
        service.awaitReady(Duration.ofMinutes(5));
        String base = service.base();
        String restaurantId = createRestaurant(base);
        TransactionBaseline baseline = TransactionBaseline.create(localAws);
        Instant started = Instant.now();

        System.out.println("warming up for " + warmupSeconds + " s");
        run("warm-up profile", Duration.ofSeconds(warmupSeconds) , client -> putProfile(base, "warm-" + client, null));
        run("warm-up review", Duration.ofSeconds(warmupSeconds / 3), client -> postReview(base, restaurantId));
        run("warm-up raw", Duration.ofSeconds(warmupSeconds / 3), client -> baseline.write());

        List<Phase> phases = new ArrayList<>();
        phases.add(run("SDK TransactWriteItems (entity + outbox row)", Duration.ofSeconds(seconds), client -> baseline.write()));
        phases.add(run("PUT /api/users/{id}/profile", Duration.ofSeconds(seconds), client -> putProfile(base, "bench-" + client, null)));
        phases.add(run("POST /api/restaurants/{id}/reviews", Duration.ofSeconds(seconds), client -> postReview(base, restaurantId)));
        Histogram delivery = deliveryLatency(localAws, base, Duration.ofSeconds(seconds));
        phases.forEach(phase -> System.out.println(phase.row()));
        write(root.resolve(report), phases, delivery, started, localAws);
        return 0;
      }
    }
  }

  /** One call of a client; returns whether it succeeded. */
  interface Operation {
    boolean call(int client) throws Exception;
  }

  private Phase run(String name, Duration length, Operation operation) throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      int id = client;
      futures.add(pool.submit(() -> {
        while (!stop.get()) {
          long began = System.nanoTime();
          boolean ok;
          try {
            ok = operation.call(id);
          } catch (Exception e) {
            ok = false;
          }
          recorder.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
          (ok ? done : failed).incrementAndGet();
        }
        return null;
      }));
    }
    Thread.sleep(length.toMillis());
    stop.set(true);
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Phase(name, done.get(), failed.get(), elapsed, recorder.getIntervalHistogram());
  }

  /** PUT profile at the same concurrency; each response's time is matched with its event's arrival on a tap queue. */
  private Histogram deliveryLatency(LocalAws localAws, String base, Duration length) throws Exception {
    String bus = localAws.topology().bus("user").name();
    String prefix = "bench-latency-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String name = "tap-write-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = localAws.sqs().createQueue(r -> r.queueName(name)).queueUrl();
    String arn = localAws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    localAws.eventBridge().putRule(r -> r.name(name).eventBusName(bus)
        .eventPattern("{\"detail\":{\"correlationId\":[{\"prefix\":\"" + prefix + "\"}]}}"));
    localAws.eventBridge().putTargets(r -> r.rule(name).eventBusName(bus).targets(Target.builder().id("tap").arn(arn).build()));
    Map<String, Long> answered = new ConcurrentHashMap<>();
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    AtomicBoolean receiving = new AtomicBoolean(true);
    ExecutorService receivers = Executors.newFixedThreadPool(3);
    for (int i = 0; i < 3; i++) {
      receivers.submit(() -> {
        while (receiving.get()) {
          List<Message> messages = localAws.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
          long now = System.nanoTime();
          for (Message message : messages) {
            int at = message.body().indexOf(prefix);
            arrived.putIfAbsent(message.body().substring(at, message.body().indexOf('"', at)), now);
          }
          if (!messages.isEmpty()) {
            localAws.sqs().deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(messages.stream().map(m -> DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(messages.indexOf(m))).receiptHandle(m.receiptHandle()).build()).toList()));
          }
        }
        return null;
      });
    }
    AtomicLong sequence = new AtomicLong();
    run("delivery", length, client -> {
      String correlation = prefix + sequence.incrementAndGet();
      boolean ok = putProfile(base, "latency-" + client, correlation);
      if (ok) {
        answered.put(correlation, System.nanoTime());
      }
      return ok;
    });
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (arrived.size() < answered.size() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    receiving.set(false);
    receivers.shutdown();
    Histogram histogram = new Histogram(3);
    answered.forEach((correlation, answeredAt) -> {
      Long at = arrived.get(correlation);
      if (at != null) {
        histogram.recordValue(Math.max(1, (at - answeredAt) / 1000));
      }
    });
    System.out.printf(Locale.ROOT, "delivery: %d answered, %d arrived, p50 %.1f ms, p99 %.1f ms%n", answered.size(), histogram.getTotalCount(),
        histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0);
    deliveryCounts = new long[] {answered.size(), histogram.getTotalCount()};
    return histogram;
  }

  private long[] deliveryCounts = {0, 0};
  private String adminToken;
  private String userToken;

  private boolean putProfile(String base, String userId, String correlation) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/users/" + userId + "/profile"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Bench " + UUID.randomUUID() + "\",\"city\":\"Ipoh\"}"));
    if (correlation != null) {
      request.header("X-Correlation-Id", correlation);
    }
    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    return status == 200 || status == 201;
  }

  private boolean postReview(String base, String restaurantId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/restaurants/" + restaurantId + "/reviews"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + userToken)
        .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":4,\"dish\":\"laksa\"}")).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
  }

  private String createRestaurant(String base) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/restaurants"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"city\":\"Ipoh\",\"cuisine\":\"Chinese\",\"address\":\"1 Jalan\"}")).build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    int at = body.indexOf("\"restaurantId\":\"") + 16;
    return body.substring(at, body.indexOf('"', at));
  }

  private void write(Path path, List<Phase> phases, Histogram delivery, Instant started, LocalAws localAws) throws IOException {
    Phase raw = phases.get(0);
    StringBuilder text = new StringBuilder();
    text.append("# write-service benchmark\n\n");
    text.append("Run ").append(started).append(" with `./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.write.WriteServiceBenchmark`")
        .append(" after `./mvnw -q install -DskipTests`: local-aws in the benchmark's JVM, the write-service jar as a child process, ")
        .append(clients).append(" concurrent clients, ").append(warmupSeconds).append(" s warm-up, ").append(seconds).append(" s per phase, all on loopback.\n\n");
    text.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.vm.name"))
        .append(' ').append(System.getProperty("java.runtime.version")).append(", load average at the end ").append(loadAverage())
        .append(" (the machine was shared; absolute figures move with the load, ratios within this run much less).\n\n");
    text.append("## Writes\n\n| what | ok | failed | per second | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    phases.forEach(phase -> text.append(phase.row()).append('\n'));
    text.append("\nAgainst the raw transaction (same run, same clients):\n\n");
    for (Phase phase : phases.subList(1, phases.size())) {
      text.append(String.format(Locale.ROOT, "- %s: %.2f× its throughput, p50 %.2f×, p99 %.2f×%n", phase.name(),
          phase.throughput() / raw.throughput(),
          (double) phase.latency().getValueAtPercentile(50) / raw.latency().getValueAtPercentile(50),
          (double) phase.latency().getValueAtPercentile(99) / raw.latency().getValueAtPercentile(99)));
    }
    text.append("\nA PUT profile is a consistent GetItem then the transaction; a POST review is the transaction with a condition check on the ")
        .append("restaurant. After each, the outbox relay claims, publishes and deletes the row (three more calls, off the request), and ")
        .append("the analytics event is published; the review's event also feeds the rating consumer in the same process.\n\n");
    text.append("## Event delivery\n\nFrom the HTTP response of a PUT profile to its `user.profile.updated` on a tap queue (rule on the user bus), ")
        .append(clients).append(" clients for ").append(seconds).append(" s:\n\n");
    text.append(String.format(Locale.ROOT, "| answered | arrived | p50 ms | p99 ms | max ms |%n| --- | --- | --- | --- | --- |%n| %,d | %,d | %.1f | %.1f | %.1f |%n%n",
        deliveryCounts[0], deliveryCounts[1], delivery.getValueAtPercentile(50) / 1000.0, delivery.getValueAtPercentile(99) / 1000.0,
        delivery.getMaxValue() / 1000.0));
    text.append("The path: the relay's fast path (four workers: claim each row, one PutEvents per up to ten rows, delete each), the EventBridge emulator's rule match and ")
        .append("SendMessage, then the tap's long poll (3 receivers).\n");
    Reports.write(path, text.toString());
    System.out.println("report written to " + path);
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Path newestJar(Path target) throws IOException {
    try (var files = Files.list(target)) {
      return files.filter(file -> file.getFileName().toString().matches("write-service-.*\\.jar") && !file.toString().endsWith("-plain.jar"))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("No write-service jar in " + target + "; run ./mvnw -q install -DskipTests"));
    }
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }

  /** The floor: the same two items a write commits, with the SDK, into a private copy of the outbox table that no relay sweeps. */
  record TransactionBaseline(LocalAws localAws, String users, String outbox) {

    static TransactionBaseline create(LocalAws localAws) {
      Topology topology = localAws.topology();
      TableDefinition table = topology.table("outbox");
      String name = "bellyfed-outboxbench" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x") + "-dev";
      new Provisioner(localAws.sqs(), localAws.dynamoDb(), localAws.eventBridge(), false)
          .apply(new TableDefinition(name, table.partitionKey(), table.sortKey(), table.indexes(), table.ttlAttribute()));
      return new TransactionBaseline(localAws, topology.table("users").name(), name);
    }

    boolean write() {
      String id = UUID.randomUUID().toString();
      String now = Instant.now().toString();
      String payload = "{\"eventId\":\"" + id + "\",\"eventType\":\"user.profile.updated\",\"data\":{\"userId\":\"raw-" + id + "\",\"displayName\":\"Raw\"}}";
      localAws.dynamoDb().transactWriteItems(r -> r.transactItems(
          TransactWriteItem.builder().put(p -> p.tableName(users).item(Map.of(
              "userId", AttributeValue.fromS("raw-" + id), "displayName", AttributeValue.fromS("Raw"), "city", AttributeValue.fromS("Ipoh"),
              "status", AttributeValue.fromS("ACTIVE"), "createdAt", AttributeValue.fromS(now), "updatedAt", AttributeValue.fromS(now),
              "version", AttributeValue.fromN("1"))).conditionExpression("attribute_not_exists(userId)")).build(),
          TransactWriteItem.builder().put(p -> p.tableName(outbox).item(Map.of(
              "eventId", AttributeValue.fromS(id), "state", AttributeValue.fromS("PENDING"), "createdAt", AttributeValue.fromS(now),
              "envelope", AttributeValue.fromS(payload), "attempts", AttributeValue.fromN("0"))).conditionExpression("attribute_not_exists(eventId)")).build()));
      return true;
    }
  }
}
