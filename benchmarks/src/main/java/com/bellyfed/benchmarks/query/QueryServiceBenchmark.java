package com.bellyfed.benchmarks.query;

import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * GET /api/restaurants/{id} and the city+cuisine search of query-service at 32 concurrent clients,
 * beside the raw GetItem and Query they stand for, made with the SDK on the same data in the same
 * run. The service runs as its own process from its jar ({@code java -jar}), as deployed; local-aws
 * runs in this JVM. Writes {@code benchmarks/reports/query-service.md}.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests -pl common-events/topology,common-events/runtime,local-aws,query-service -am}
 * then {@code ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.query.QueryServiceBenchmark}.
 */
public final class QueryServiceBenchmark {

  static final int CLIENTS = 32;
  static final int RESTAURANTS = 2_000;
  static final String CITY = "Bench City";
  static final List<String> CUISINES = List.of("Malay", "Chinese", "Indian", "Thai", "Japanese", "Western", "Mamak", "Nyonya");
  static final Duration WARMUP = Duration.ofSeconds(15);
  static final Duration HALF = Duration.ofSeconds(5);

  private QueryServiceBenchmark() {}

  public static void main(String[] args) throws Exception {
    // Before the first logger: DynamoDB Local's request logs would otherwise cost more than the calls.
    System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    Path root = projectRoot();
    Path jar = serviceJar(root);
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0));
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(localAws.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(ApacheHttpClient.builder().maxConnections(CLIENTS * 2).build())
            .build()) {
      String table = localAws.topology().table("restaurants").name();
      List<String> ids = seed(dynamoDb, table);

      int port = freePort();
      Path log = root.resolve("benchmarks/target/query-service-benchmark.log");
      Files.createDirectories(log.getParent());
      long launched = System.nanoTime();
      Process service = new ProcessBuilder(
              javaBinary(), "-Xmx512m", "-jar", jar.toString(),
              "--server.port=" + port,
              "--bellyfed.events.endpoint=" + localAws.endpoint(),
              "--bellyfed.events.region=" + localAws.region().id())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        Duration startup = awaitReady(http, base, service, launched);
        System.out.printf("query-service ready after %d ms%n", startup.toMillis());

        Map<String, Op> ops = new HashMap<>();
        ops.put("raw GetItem", () -> {
          String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
          return dynamoDb.getItem(r -> r.tableName(table).key(Map.of("restaurantId", AttributeValue.fromS(id)))).hasItem();
        });
        ops.put("GET /api/restaurants/{id}", () -> {
          String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
          return get(http, base + "/api/restaurants/" + id);
        });
        ops.put("raw Query city-cuisine-rating-index", () -> {
          String cuisine = CUISINES.get(ThreadLocalRandom.current().nextInt(CUISINES.size()));
          return dynamoDb.query(r -> r.tableName(table).indexName("city-cuisine-rating-index")
              .keyConditionExpression("cityCuisineKey = :k")
              .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(TableKeys.cityCuisineKey(CITY, cuisine))))
              .scanIndexForward(false).limit(20)).count() == 20;
        });
        ops.put("GET /api/restaurants?city&cuisine", () -> {
          String cuisine = CUISINES.get(ThreadLocalRandom.current().nextInt(CUISINES.size()));
          return get(http, base + "/api/restaurants?city=Bench%20City&cuisine=" + cuisine + "&limit=20");
        });

        System.out.println("warming up " + WARMUP.toSeconds() + " s");
        long warmEnd = System.nanoTime() + WARMUP.toNanos();
        while (System.nanoTime() < warmEnd) {
          for (Op op : ops.values()) {
            Load.run(op, CLIENTS, Duration.ofSeconds(1));
          }
        }

        List<Row> rows = new ArrayList<>();
        for (String[] pair : new String[][] {
            {"raw GetItem", "GET /api/restaurants/{id}"},
            {"raw Query city-cuisine-rating-index", "GET /api/restaurants?city&cuisine"}}) {
          Load.Result raw = new Load.Result();
          Load.Result service1 = new Load.Result();
          // Halves alternate (raw, service, raw, service) so neither profits from running later.
          for (int half = 0; half < 2; half++) {
            raw.add(Load.run(ops.get(pair[0]), CLIENTS, HALF));
            service1.add(Load.run(ops.get(pair[1]), CLIENTS, HALF));
          }
          rows.add(new Row(pair[0], raw, null));
          rows.add(new Row(pair[1], service1, raw));
          System.out.println(pair[1] + ": " + service1.summary() + " vs raw " + raw.summary());
        }
        Path report = root.resolve("benchmarks/reports/query-service.md");
        Files.writeString(report, report(rows, startup));
        System.out.println("wrote " + report);
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
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

  private static List<String> seed(DynamoDbClient dynamoDb, String table) {
    List<String> ids = new ArrayList<>();
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < RESTAURANTS; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      String cuisine = CUISINES.get(i % CUISINES.size());
      String name = "Restaurant " + i;
      String rating = String.format(Locale.ROOT, "%.2f", 1 + (i * 37 % 400) / 100.0);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("restaurantId", AttributeValue.fromS(id));
      item.put("name", AttributeValue.fromS(name));
      item.put("city", AttributeValue.fromS(CITY));
      item.put("cuisine", AttributeValue.fromS(cuisine));
      item.put("address", AttributeValue.fromS(i + " Jalan Bench"));
      item.put("priceLevel", AttributeValue.fromN(Integer.toString(1 + i % 4)));
      item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("bench"))));
      item.put("reviewCount", AttributeValue.fromN("10"));
      item.put("ratingSum", AttributeValue.fromN(String.format(Locale.ROOT, "%.1f", Double.parseDouble(rating) * 10)));
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

  private static Duration awaitReady(HttpClient http, String base, Process service, long launched) throws Exception {
    long deadline = launched + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("query-service exited with " + service.exitValue() + "; see its log");
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - launched);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20); // polling a process we do not control; nothing to await on
    }
    throw new IllegalStateException("query-service not ready after 120 s");
  }

  private static String report(List<Row> rows, Duration startup) {
    StringBuilder md = new StringBuilder();
    md.append("# query-service benchmark\n\n");
    md.append("Measured ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" on ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", load average ")
        .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append(".\n\n");
    md.append("""
        Command: `./mvnw -q install -DskipTests -pl common-events/topology,common-events/runtime,local-aws,query-service -am` then
        `./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.query.QueryServiceBenchmark`.

        Method: local-aws runs in the benchmark's JVM with the dev topology; %,d restaurants in one city over %d cuisines
        (%d per city+cuisine partition) are written with BatchWriteItem. query-service runs as its own process
        (`java -Xmx512m -jar query-service/target/query-service-*.jar`, defaults, analytics on) against it. %d client
        threads each call again as soon as the previous call returned (closed loop), for %d s of warm-up over all four
        operations, then per pair 2 × %d s alternating raw and service. "Raw" is the same read with the AWS SDK v2
        (Apache client) straight to local-aws: GetItem by `restaurantId` on random ids; Query on
        `city-cuisine-rating-index`, descending, Limit 20, random cuisine. The service does exactly that behind HTTP
        (plus one item of read-ahead to know the last page, signing the cursor, JSON, and the analytics event).
        Latency is per call around the client call, HdrHistogram. The load generator, local-aws, DynamoDB Local and the
        service share the same cores, so absolute figures are lower bounds; the ratio is the point.

        """.formatted(RESTAURANTS, CUISINES.size(), RESTAURANTS / CUISINES.size(), CLIENTS, WARMUP.toSeconds(), HALF.toSeconds()));
    md.append("Start-up to ready (process launch until `/actuator/health/readiness` answers 200): **")
        .append(startup.toMillis()).append(" ms**.\n\n");
    md.append("| operation | calls | errors | calls/s | p50 ms | p99 ms | max ms | throughput vs raw | p50 vs raw | p99 vs raw |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row row : rows) {
      Load.Result r = row.result();
      md.append("| ").append(row.name()).append(" | ").append(String.format(Locale.ROOT, "%,d", r.calls())).append(" | ").append(r.errors())
          .append(" | ").append(String.format(Locale.ROOT, "%,.0f", r.perSecond()))
          .append(" | ").append(ms(r.histogram().getValueAtPercentile(50)))
          .append(" | ").append(ms(r.histogram().getValueAtPercentile(99)))
          .append(" | ").append(ms(r.histogram().getMaxValue()));
      if (row.baseline() == null) {
        md.append(" | – | – | – |\n");
      } else {
        Load.Result b = row.baseline();
        md.append(" | ").append(String.format(Locale.ROOT, "%.2f×", r.perSecond() / b.perSecond()))
            .append(" | ").append(String.format(Locale.ROOT, "%.2f×", (double) r.histogram().getValueAtPercentile(50) / b.histogram().getValueAtPercentile(50)))
            .append(" | ").append(String.format(Locale.ROOT, "%.2f×", (double) r.histogram().getValueAtPercentile(99) / b.histogram().getValueAtPercentile(99)))
            .append(" |\n");
      }
    }
    md.append('\n');
    return md.toString();
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
