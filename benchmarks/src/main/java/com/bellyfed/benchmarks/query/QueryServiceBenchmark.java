package com.bellyfed.benchmarks.query;

import com.bellyfed.benchmarks.Reports;
import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * GET /api/restaurants/{id} and the city+cuisine search of query-service at 32 concurrent clients,
 * beside the raw GetItem and Query they stand for, made with the SDK on the same data in the same
 * run. The service runs as its own process from its jar ({@code java -jar}), as deployed, twice: with
 * the analytics event of every request (the default) and without it, to tell the service's own cost
 * from its side effect's; local-aws runs in this JVM. Writes {@code benchmarks/reports/query-service.md}.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests -pl common-events/topology,common-events/runtime,local-aws,query-service -am}
 * then {@code ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.query.QueryServiceBenchmark}.
 */
public final class QueryServiceBenchmark {

  static final int CLIENTS = 32;
  static final Duration SINGLE = Duration.ofSeconds(5);
  static final String[][] GROUPS = {
      {"raw GetItem", "GET /api/restaurants/{id}, analytics-on", "GET /api/restaurants/{id}, analytics-off"},
      {"raw Query city-cuisine-rating-index", "GET /api/restaurants?city&cuisine, analytics-on", "GET /api/restaurants?city&cuisine, analytics-off"}};
  /** What follows this line in the report is written by hand and kept when the benchmark writes it again. */
  static final String HAND_WRITTEN = "<!-- written by hand below; kept when the benchmark rewrites this report -->";
  static final int RESTAURANTS = 2_000;
  static final String CITY = "Bench City";
  static final List<String> CUISINES = List.of("Malay", "Chinese", "Indian", "Thai", "Japanese", "Western", "Mamak", "Nyonya");
  /**
   * Calls each operation makes before anything is measured, so that the services' JIT has compiled
   * the request path: a first run warmed up for 15 s in all measured the interpreter (two thirds of
   * the service's CPU samples in interpreted frames).
   */
  static final int WARMUP_CALLS = 4_000;
  /**
   * The longest warm-up, for a machine too busy to reach {@link #WARMUP_CALLS} and a quiet JIT;
   * {@code -Dquery.bench.warmup-seconds} shortens it for a trial run (whose figures then measure a cold JIT).
   */
  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("query.bench.warmup-seconds", 300));
  /** Compilation in the services over a warm-up round (6 operations × 2 s) below which their JIT counts as quiet. */
  static final double QUIET_JIT_MILLIS = 500;
  static final Duration HALF = Duration.ofSeconds(5);

  private QueryServiceBenchmark() {}

  public static void main(String[] args) throws Exception {
    // Before the first logger: the emulators' request logs would otherwise cost more than the calls.
    System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    Path root = projectRoot();
    Path jar = serviceJar(root);
    Optional<CorePinning> pinning = CorePinning.requested();
    if (pinning.isPresent()) {
      pinning.get().pinThisJvm();
    }
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0));
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(localAws.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(ApacheHttpClient.builder().maxConnections(CLIENTS * 2).build())
            .build()) {
      String table = localAws.topology().table("restaurants").name();
      List<String> ids = seed(dynamoDb, table);

      Path logs = root.resolve("benchmarks/target");
      Files.createDirectories(logs);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
      // Started one after the other, so that the start-up time is that of one service on the machine.
      Service on = Service.launch(jar, localAws, logs, pinning, "analytics-on");
      List<Service> services = new ArrayList<>(List.of(on));
      try {
        Duration startup = on.awaitReady();
        System.out.printf("query-service ready after %d ms%n", startup.toMillis());
        Service off = Service.launch(jar, localAws, logs, pinning, "analytics-off", "--bellyfed.query.analytics.enabled=false");
        services.add(off);
        off.awaitReady();

        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("raw GetItem", () -> {
          String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
          return dynamoDb.getItem(r -> r.tableName(table).key(Map.of("restaurantId", AttributeValue.fromS(id)))).hasItem();
        });
        for (Service service : services) {
          ops.put("GET /api/restaurants/{id}, " + service.mode(), () -> {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            return get(http, service.base() + "/api/restaurants/" + id);
          });
        }
        ops.put("raw Query city-cuisine-rating-index", () -> {
          String cuisine = CUISINES.get(ThreadLocalRandom.current().nextInt(CUISINES.size()));
          return dynamoDb.query(r -> r.tableName(table).indexName("city-cuisine-rating-index")
              .keyConditionExpression("cityCuisineKey = :k")
              .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(TableKeys.cityCuisineKey(CITY, cuisine))))
              .scanIndexForward(false).limit(20)).count() == 20;
        });
        for (Service service : services) {
          ops.put("GET /api/restaurants?city&cuisine, " + service.mode(), () -> {
            String cuisine = CUISINES.get(ThreadLocalRandom.current().nextInt(CUISINES.size()));
            return get(http, service.base() + "/api/restaurants?city=Bench%20City&cuisine=" + cuisine + "&limit=20");
          });
        }

        Map<String, Long> warmup = warmUp(ops, services);
        awaitAnalyticsDrained(on);

        Map<String, Double> before = on.metrics();
        double jitBefore = off.metrics().getOrDefault("jvm_compilation_time_ms_total", 0.0) + before.getOrDefault("jvm_compilation_time_ms_total", 0.0);
        Map<String, Long> queuedBefore = queued(localAws);
        List<Row> rows = new ArrayList<>();
        for (String[] group : GROUPS) {
          List<Load.Result> results = new ArrayList<>();
          for (int i = 0; i < group.length; i++) {
            results.add(new Load.Result());
          }
          // Halves alternate (raw, on, off, raw, on, off) so that none profits from running later; the
          // analytics-on service's backlog is drained first so that it does not weigh on the next half.
          for (int half = 0; half < 2; half++) {
            for (int i = 0; i < group.length; i++) {
              long benchCpu = benchmarkCpuNanos();
              long serviceCpu = on.cpuNanos() + off.cpuNanos();
              Load.Result result = Load.run(ops.get(group[i]), CLIENTS, HALF);
              awaitAnalyticsDrained(on);
              result.cpu(on.cpuNanos() + off.cpuNanos() - serviceCpu, benchmarkCpuNanos() - benchCpu);
              results.get(i).add(result);
            }
          }
          for (int i = 0; i < group.length; i++) {
            rows.add(new Row(group[i], results.get(i), i == 0 ? null : results.get(0)));
            System.out.println(group[i] + ": " + results.get(i).summary());
          }
        }
        Map<String, Double> after = on.metrics();
        Work work = Work.between(before, after, queuedBefore, queued(localAws));
        // With one client the cores are not saturated: the latency a call adds is the service's own.
        List<Row> single = new ArrayList<>();
        for (String[] group : GROUPS) {
          Load.Result raw = Load.run(ops.get(group[0]), 1, SINGLE);
          single.add(new Row(group[0], raw, null));
          for (int i = 1; i < group.length; i++) {
            Load.Result result = Load.run(ops.get(group[i]), 1, SINGLE);
            awaitAnalyticsDrained(on);
            single.add(new Row(group[i], result, raw));
            System.out.println(group[i] + ", one client: " + result.summary());
          }
        }
        double jitMillis = off.metrics().getOrDefault("jvm_compilation_time_ms_total", 0.0) + after.getOrDefault("jvm_compilation_time_ms_total", 0.0) - jitBefore;
        System.out.println(work);
        // -Dquery.bench.report puts a trial run's report elsewhere than the committed one.
        Path report = root.resolve(System.getProperty("query.bench.report",
            pinning.isPresent() ? "benchmarks/reports/query-service-own-core.md" : "benchmarks/reports/query-service.md"));
        Reports.write(report, report(rows, single, startup, work, warmup, jitMillis, pinning));
        System.out.println("wrote " + report);
      } finally {
        for (Service service : services) {
          service.stop();
        }
      }
    }
  }

  /**
   * Runs the operations in turn, 2 s each, until each made {@link #WARMUP_CALLS} calls and a whole
   * round left the services' JIT compilers quiet (less than {@link #QUIET_JIT_MILLIS} of compilation
   * between them), or {@link #WARMUP} is over: a service with one core of its own compiled for over
   * a minute during the measured runs after 4,000 calls alone.
   */
  private static Map<String, Long> warmUp(Map<String, Op> ops, List<Service> services) throws Exception {
    System.out.println("warming up: " + WARMUP_CALLS + " calls of each operation and a quiet JIT, at most " + WARMUP.toSeconds() + " s");
    Map<String, Long> calls = new LinkedHashMap<>();
    ops.keySet().forEach(name -> calls.put(name, 0L));
    long end = System.nanoTime() + WARMUP.toNanos();
    double compiled = compilationMillis(services);
    boolean quiet = false;
    while (System.nanoTime() < end && (!quiet || calls.values().stream().anyMatch(count -> count < WARMUP_CALLS))) {
      for (Map.Entry<String, Op> op : ops.entrySet()) {
        calls.merge(op.getKey(), Load.run(op.getValue(), CLIENTS, Duration.ofSeconds(2)).calls(), Long::sum);
      }
      double now = compilationMillis(services);
      quiet = now - compiled < QUIET_JIT_MILLIS;
      System.out.printf("warm-up round: %,.0f ms of JIT compilation in the services%n", now - compiled);
      compiled = now;
    }
    System.out.println("warm-up calls: " + calls);
    return calls;
  }

  /**
   * Waits until the analytics-on service has handed every event to EventBridge (its publisher's
   * buffer is empty and it recorded as many events as it served API requests), at most 30 s.
   */
  private static void awaitAnalyticsDrained(Service on) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Map<String, Double> metrics = on.metrics();
      double served = metrics.getOrDefault("http_server_requests_seconds_count{uri=/api", 0.0);
      double handled = metrics.getOrDefault("bellyfed_analytics_recorded_total", 0.0) + metrics.getOrDefault("bellyfed_analytics_dropped_total", 0.0);
      if (metrics.getOrDefault("bellyfed_events_buffered", 0.0) == 0 && handled >= served) {
        return;
      }
      Thread.sleep(100); // polling another process's meters; nothing to await on
    }
    System.out.println("analytics backlog not drained after 30 s; measuring on");
  }

  private static double compilationMillis(List<Service> services) throws Exception {
    double total = 0;
    for (Service service : services) {
      total += service.metrics().getOrDefault("jvm_compilation_time_ms_total", 0.0);
    }
    return total;
  }

  /** CPU time of this JVM: local-aws (the DynamoDB engine, ElasticMQ, the EventBridge emulator) and the load generator. */
  private static long benchmarkCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Messages waiting on the queues the analytics events are delivered to (nothing consumes them here). */
  private static Map<String, Long> queued(LocalAws localAws) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (SqsClient sqs = SqsClient.builder()
        .endpointOverride(localAws.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build()) {
      for (String flow : List.of("analytics", "archive")) {
        String url = sqs.getQueueUrl(r -> r.queueName(localAws.topology().queue(flow).name())).queueUrl();
        String count = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        counts.put(flow, Long.parseLong(count));
      }
    }
    return counts;
  }

  /** One call of a load; returns whether the answer was the expected one. */
  @FunctionalInterface
  interface Op {
    boolean call() throws Exception;
  }

  record Row(String name, Load.Result result, Load.Result baseline) {}

  private static boolean get(HttpClient http, String uri) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200;
  }

  /** Writes the benchmark's restaurants (one city, eight cuisines) into {@code table}; returns their ids. */
  public static List<String> seed(DynamoDbClient dynamoDb, String table) {
    List<String> ids = new ArrayList<>();
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < RESTAURANTS; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      String cuisine = CUISINES.get(i % CUISINES.size());
      String name = "Restaurant " + i;
      // Ten reviews of whole stars: ratingSum is a whole number (the service reads it as one and answers 500 otherwise).
      int ratingSum = 10 + i * 37 % 41;
      String rating = String.format(Locale.ROOT, "%.2f", ratingSum / 10.0);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("restaurantId", AttributeValue.fromS(id));
      item.put("name", AttributeValue.fromS(name));
      item.put("city", AttributeValue.fromS(CITY));
      item.put("cuisine", AttributeValue.fromS(cuisine));
      item.put("address", AttributeValue.fromS(i + " Jalan Bench"));
      item.put("priceLevel", AttributeValue.fromN(Integer.toString(1 + i % 4)));
      item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("bench"))));
      item.put("reviewCount", AttributeValue.fromN("10"));
      item.put("ratingSum", AttributeValue.fromN(Integer.toString(ratingSum)));
      item.put("avgRating", AttributeValue.fromN(rating));
      String created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L).toString();
      item.put("createdAt", AttributeValue.fromS(created));
      item.put("updatedAt", AttributeValue.fromS(created));
      item.put("version", AttributeValue.fromN("1"));
      item.put("allKey", AttributeValue.fromS(TableKeys.ALL));
      item.put("cityKey", AttributeValue.fromS(TableKeys.cityKey(CITY)));
      item.put("cuisineKey", AttributeValue.fromS(TableKeys.cuisineKey(cuisine)));
      item.put("cityCuisineKey", AttributeValue.fromS(TableKeys.cityCuisineKey(CITY, cuisine)));
      item.put("nameKey", AttributeValue.fromS(TableKeys.nameKey(name)));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25 || i == RESTAURANTS - 1) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        while (!pending.isEmpty()) {
          Map<String, List<WriteRequest>> request = pending;
          var response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
          pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        batch.clear();
      }
    }
    return ids;
  }

  private static String report(
      List<Row> rows, List<Row> single, Duration startup, Work work, Map<String, Long> warmup, double jitMillis, Optional<CorePinning> pinning) {
    StringBuilder md = new StringBuilder();
    md.append(pinning.isPresent() ? "# query-service benchmark, the services on a core of their own\n\n" : "# query-service benchmark\n\n");
    md.append("Measured ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" on ")
        .append(Runtime.getRuntime().availableProcessors() + (pinning.isPresent() ? 1 : 0)).append(" cores, ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", load average at the end ")
        .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append(".\n\n");
    md.append("""
        Command: `./mvnw -q install -DskipTests` then
        `./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.query.QueryServiceBenchmark%s`
        (add `-Dquery.bench.jfr=<dir>` to record each service with Java Flight Recorder).

        Method: local-aws runs in the benchmark's JVM with the dev topology; %,d restaurants in one city over %d cuisines
        (%d per city+cuisine partition) are written with BatchWriteItem. Two query-service processes run from the jar
        (`java -Xmx512m -jar query-service/target/query-service-*.jar`, defaults) against it: **analytics-on** (the
        default: one QUERY analytics event per request) and **analytics-off** (`--bellyfed.query.analytics.enabled=false`);
        start-up is that of the first, alone on the machine. %d client threads each call again as soon as the previous
        call returned (closed loop); a warm-up runs the six operations in turn, 2 s each, until each made %,d calls and a
        round left less than 500 ms of JIT compilation in the two services (at most %d s), then each operation is measured 2 × %d s, alternating
        raw, analytics-on and analytics-off; after each run the benchmark waits until the analytics-on service has handed
        every event to EventBridge, so that no backlog weighs on the next run. "Raw" is the same read with the AWS SDK v2
        (Apache client) straight to local-aws: GetItem by `restaurantId` on random ids; Query on
        `city-cuisine-rating-index`, descending, Limit 20, random cuisine. The service does that behind HTTP (plus one item
        of read-ahead to know the last page, signing the cursor, JSON, and with analytics on the event).
        Latency is per call around the client call, HdrHistogram. CPU per call is the CPU time the two service processes
        used during a run (and its drain), and that of the benchmark's JVM (local-aws and the load generator), divided by
        the calls. %s

        """.formatted(pinning.isPresent() ? " -Dquery.bench.cores=split" : "", RESTAURANTS, CUISINES.size(), RESTAURANTS / CUISINES.size(), CLIENTS, WARMUP_CALLS, WARMUP.toSeconds(), HALF.toSeconds(),
        pinning.map(p -> """
            **Cores split** (`-Dquery.bench.cores=split`, with `taskset`): the benchmark's JVM (local-aws with its DynamoDB engine,
            ElasticMQ and the EventBridge emulator, the raw SDK client and the HTTP load generator) runs on CPU %s, both
            services on CPU %s, as production gives a service its own host and DynamoDB and EventBridge run elsewhere. The
            raw call and the service's call then wait on the same emulated DynamoDB on the same core, and what the
            service adds is its own work on its own core (a JVM that sees one core: serial GC, fewer compiler threads).
            The analytics events' delivery (emulator, two SQS queues) still runs beside the DynamoDB engine.""".formatted(p.benchmarkCpus(), p.serviceCpus()))
            .orElse("The load generator, local-aws (with its DynamoDB engine) and the services share the same cores, so absolute "
                + "figures are lower bounds; the ratios are the point (`-Dquery.bench.cores=split` gives the services a core of their own).")));
    md.append("Warm-up calls: ");
    md.append(String.join(", ", warmup.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue())).toList()));
    md.append(String.format(Locale.ROOT, ". JIT compilation in the two services during the measured runs: %,.0f ms.%n%n", jitMillis));
    md.append("Start-up to ready (process launch until `/actuator/health/readiness` answers 200): **")
        .append(startup.toMillis()).append(" ms**.\n\n");
    md.append("| operation | calls | errors | calls/s | p50 ms | p99 ms | max ms | throughput vs raw | p50 vs raw | p99 vs raw "
        + "| service CPU ms/call | local-aws + client CPU ms/call |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row row : rows) {
      Load.Result r = row.result();
      md.append("| ").append(row.name()).append(" | ").append(String.format(Locale.ROOT, "%,d", r.calls())).append(" | ").append(r.errors())
          .append(" | ").append(String.format(Locale.ROOT, "%,.0f", r.perSecond()))
          .append(" | ").append(ms(r.histogram().getValueAtPercentile(50)))
          .append(" | ").append(ms(r.histogram().getValueAtPercentile(99)))
          .append(" | ").append(ms(r.histogram().getMaxValue()));
      if (row.baseline() == null) {
        md.append(" | – | – | –");
      } else {
        Load.Result b = row.baseline();
        md.append(" | ").append(String.format(Locale.ROOT, "%.2f×", r.perSecond() / b.perSecond()))
            .append(" | ").append(String.format(Locale.ROOT, "%.2f×", (double) r.histogram().getValueAtPercentile(50) / b.histogram().getValueAtPercentile(50)))
            .append(" | ").append(String.format(Locale.ROOT, "%.2f×", (double) r.histogram().getValueAtPercentile(99) / b.histogram().getValueAtPercentile(99)));
      }
      md.append(String.format(Locale.ROOT, " | %.2f | %.2f |%n", r.serviceCpuMillisPerCall(), r.benchmarkCpuMillisPerCall()));
    }
    md.append('\n');
    md.append(String.format(Locale.ROOT, """
        Work per API request of the analytics-on service over the measured runs (its meters, and the messages that
        arrived on the queues its events are routed to; nothing consumes them here): %,.0f requests,
        **%.2f DynamoDB calls**, %.2f analytics events recorded (%,.0f dropped), **%.2f PutEvents calls** (%.2f entries
        each), %.2f messages on `analytics-queue` and %.2f on `archive-queue`.

        """, work.requests(), work.perRequest(work.dynamoDbCalls()), work.perRequest(work.eventsRecorded()), work.eventsDropped(),
        work.perRequest(work.putEventsCalls()), work.meanBatch(), work.perRequest(work.analyticsQueued()), work.perRequest(work.archiveQueued())));
    md.append(String.format(Locale.ROOT, "**One client** (one call at a time for %d s each, after the runs above; the cores are not saturated, "
        + "so the difference to the raw call is the latency the service adds):%n%n", SINGLE.toSeconds()));
    md.append("| operation | calls | p50 ms | p99 ms | p50 added to raw ms | p99 added to raw ms |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Row row : single) {
      Load.Result r = row.result();
      long p50 = r.histogram().getValueAtPercentile(50);
      long p99 = r.histogram().getValueAtPercentile(99);
      md.append("| ").append(row.name()).append(" | ").append(String.format(Locale.ROOT, "%,d", r.calls()))
          .append(" | ").append(ms(p50)).append(" | ").append(ms(p99));
      if (row.baseline() == null) {
        md.append(" | – | – |\n");
      } else {
        md.append(" | ").append(ms(p50 - row.baseline().histogram().getValueAtPercentile(50)))
            .append(" | ").append(ms(p99 - row.baseline().histogram().getValueAtPercentile(99))).append(" |\n");
      }
    }
    md.append('\n');
    return md.toString();
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Run from inside the repository");
    }
    return dir;
  }

  private static Path serviceJar(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("query-service/target"))) {
      return files.filter(p -> p.getFileName().toString().matches("query-service-.*\\.jar") && !p.toString().contains("plain"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("Build query-service first: ./mvnw -q -pl query-service package -DskipTests"));
    }
  }
}
