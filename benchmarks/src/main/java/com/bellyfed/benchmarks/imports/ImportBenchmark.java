package com.bellyfed.benchmarks.imports;

import com.bellyfed.benchmarks.Reports;
import com.bellyfed.benchmarks.Services;
import com.bellyfed.testing.processes.ServiceProcess;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.imports.records.Format;
import com.bellyfed.imports.records.RecordReader;
import com.bellyfed.imports.records.RecordType;
import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Imports N generated records (restaurants by default, or users or reviews) of about 500 bytes end to end (HTTP upload, chunks on the
 * import queue, the listener's batch writes, every chunk counted), with the service running as its
 * own process under {@code -Xmx256m}, and writes the same kind of items with a raw BatchWriteItem
 * loop (25 items a call, as many calls in flight as the service has) in the same run.
 *
 * <pre>./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:java \
 *   -Dexec.mainClass=com.bellyfed.benchmarks.imports.ImportBenchmark -Dexec.args="--records 20000"</pre>
 */
@Command(name = "import-benchmark", mixinStandardHelpOptions = true)
public final class ImportBenchmark implements Callable<Integer> {

  @Option(names = "--type", defaultValue = "restaurants",
      description = "restaurants (12 GSIs), users (one GSI) or reviews (default ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--dynamodb-data", description = "keep local-aws's DynamoDB tables and SQS messages in this directory (its --data-dir) instead of in memory")
  Path dynamoDbData;

  @Option(names = "--records", defaultValue = "20000", description = "records measured on each side (default ${DEFAULT-VALUE})")
  long records;

  @Option(names = "--warmup-records", defaultValue = "3000", description = "records imported first, not measured")
  long warmupRecords;

  @Option(names = "--writers", defaultValue = "16", description = "BatchWriteItem calls in flight: the service's listener-concurrency x writers")
  int writers;

  @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the service")
  String heap;

  @Option(names = "--report", defaultValue = "benchmarks/reports/import-service.md")
  Path report;

  private String adminToken;

  public static void main(String[] args) {
    // Request logs of the emulators would drown the figures.
    System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    System.exit(new CommandLine(new ImportBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path root = projectRoot();
    Path jar = serviceJar(root);
    String loadBefore = loadAverage();
    RecordType recordType = RecordType.of(type).orElseThrow(() -> new IllegalArgumentException("--type must be one of " + RecordType.known()));
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withDataDir(dynamoDbData));
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(localAws.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(writers * 2)).build()) {
      // Imports are an admin's (Cognito group admin); the service checks the token against local-aws's pool.
      adminToken = localAws.signIn("bench-admin", "admin").accessToken();
      ServiceProcess service = startService(jar, localAws);
      Runtime.getRuntime().addShutdownHook(new Thread(service::close));
      HeapSampler heapSampler = null;
      try {
        String base = service.base();
        service.awaitReady(Duration.ofMinutes(2));
        String table = localAws.topology().table(recordType.table()).name();
        System.out.printf("warm-up: %,d records through the service and raw%n", warmupRecords);
        importThroughService(base, warmupRecords, 1);
        rawWrites(dynamoDb, table, recordType, warmupRecords, 2);

        System.out.printf("raw BatchWriteItem loop: %,d records, %d writers%n", records, writers);
        Result raw = rawWrites(dynamoDb, table, recordType, records, 3);
        System.out.printf("  %,.0f records/s%n", raw.perSecond());

        heapSampler = HeapSampler.start(service);
        System.out.printf("service end to end: %,d records, -Xmx%s%n", records, heap);
        Result service2 = importThroughService(base, records, 4);
        long peakHeap = heapSampler.stop();
        System.out.printf("  %,.0f records/s, peak heap %,d MB; this JVM's peak heap %,d MB%n", service2.perSecond(), peakHeap >> 20,
            benchmarkPeakHeap() >> 20);

        String markdown = report(raw, service2, peakHeap, loadBefore, loadAverage());
        Path target = report.isAbsolute() ? report : root.resolve(report);
        Files.createDirectories(target.getParent());
        Reports.write(target, markdown);
        System.out.println("report: " + target);
      } finally {
        if (heapSampler != null) {
          heapSampler.stop();
        }
        service.close();
      }
    }
    return 0;
  }

  /**
   * The same comparison as {@link #call()} against a service and a local-aws someone else started (the suite benchmark's
   * processes): warm-up of both sides, the raw BatchWriteItem loop, then the import through the service with its heap
   * sampled.
   *
   * @param table the DynamoDB table the records of {@code type} go to
   */
  public static Comparison compare(ServiceProcess service, String adminToken, DynamoDbClient dynamoDb, String table, String type, long records,
      long warmupRecords, int writers) throws Exception {
    ImportBenchmark benchmark = new ImportBenchmark();
    benchmark.type = type;
    benchmark.writers = writers;
    benchmark.adminToken = adminToken;
    RecordType recordType = RecordType.of(type).orElseThrow(() -> new IllegalArgumentException("type must be one of " + RecordType.known()));
    System.out.printf("import warm-up: %,d records through the service and raw%n", warmupRecords);
    benchmark.importThroughService(service.base(), warmupRecords, 1);
    benchmark.rawWrites(dynamoDb, table, recordType, warmupRecords, 2);
    System.out.printf("raw BatchWriteItem loop: %,d records, %d writers%n", records, writers);
    Result raw = benchmark.rawWrites(dynamoDb, table, recordType, records, 3);
    System.out.printf("  %,.0f records/s%n", raw.perSecond());
    HeapSampler heap = HeapSampler.start(service);
    try {
      System.out.printf("import-service end to end: %,d records%n", records);
      Result imported = benchmark.importThroughService(service.base(), records, 4);
      System.out.printf("  %,.0f records/s%n", imported.perSecond());
      return new Comparison(raw.perSecond(), raw.elapsed(), imported.perSecond(), imported.elapsed(), heap.stop());
    } finally {
      heap.stop();
    }
  }

  /** Records per second of each side, and the service's peak heap in use (bytes). */
  public record Comparison(double rawPerSecond, Duration rawElapsed, double servicePerSecond, Duration serviceElapsed, long peakHeapBytes) {}

  /** What one side measured. */
  record Result(long records, Duration elapsed, Duration upload, String detail) {
    double perSecond() {
      return records / (elapsed.toMillis() / 1000.0);
    }
  }

  private Result importThroughService(String base, long count, long seed) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Generator generator = Generator.of(type, count, seed);
    Instant start = Instant.now();
    HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports?type=" + type))
        .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + adminToken)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> streamed(generator))).build(), HttpResponse.BodyHandlers.ofString());
    Duration upload = Duration.between(start, Instant.now());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
    }
    String location = accepted.headers().firstValue("Location").orElseThrow();
    String state;
    String body;
    do {
      TimeUnit.MILLISECONDS.sleep(100);
      HttpResponse<String> progress = http.send(HttpRequest.newBuilder(URI.create(base + location)).header("Authorization", "Bearer " + adminToken)
          .build(), HttpResponse.BodyHandlers.ofString());
      if (progress.statusCode() != 200) {
        throw new IllegalStateException("GET " + location + " answered " + progress.statusCode() + ": " + progress.body());
      }
      body = progress.body();
      state = field(body, "state");
    } while (state.equals("ACCEPTED") || state.equals("RUNNING"));
    Duration elapsed = Duration.between(start, Instant.now());
    long written = Long.parseLong(field(body, "written"));
    if (!state.equals("COMPLETED") || written != count) {
      throw new IllegalStateException("import ended " + state + " with " + written + " of " + count + " written: " + body);
    }
    return new Result(count, elapsed, upload, "state " + state + ", written " + written);
  }

  /** The same kind of items, parsed by the service's own reader, written with {@code writers} threads of BatchWriteItem. */
  private Result rawWrites(DynamoDbClient dynamoDb, String table, RecordType recordType, long count, long seed) throws Exception {
    BlockingQueue<List<WriteRequest>> batches = new ArrayBlockingQueue<>(writers * 4);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong written = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
    Instant start = Instant.now();
    Future<?> producer = threads.submit(() -> {
      RecordReader reader = RecordReader.open(recordType, Format.NDJSON, streamed(Generator.of(type, count, seed)),
          EventFactory.plainValidator(), 64 * 1024, Clock.systemUTC());
      List<WriteRequest> batch = new ArrayList<>(25);
      for (RecordReader.Entry entry; (entry = reader.next()) != null; ) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(((RecordReader.Accepted) entry).record().toItem()).build()).build());
        if (batch.size() == 25) {
          batches.put(batch);
          batch = new ArrayList<>(25);
        }
      }
      if (!batch.isEmpty()) {
        batches.put(batch);
      }
      done.set(true);
      return null;
    });
    List<Future<?>> consumers = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      consumers.add(threads.submit(() -> {
        while (!(done.get() && batches.isEmpty())) {
          List<WriteRequest> batch = batches.poll(50, TimeUnit.MILLISECONDS);
          if (batch == null) {
            continue;
          }
          List<WriteRequest> pending = batch;
          for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<WriteRequest> requests = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, requests)));
            written.addAndGet(requests.size());
            pending = response.unprocessedItems().getOrDefault(table, List.of());
            written.addAndGet(-pending.size());
            if (!pending.isEmpty()) {
              TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(50L << Math.min(attempt, 6)));
            }
          }
        }
        return null;
      }));
    }
    producer.get();
    for (Future<?> consumer : consumers) {
      consumer.get();
    }
    threads.shutdown();
    Duration elapsed = Duration.between(start, Instant.now());
    if (written.get() != count) {
      throw new IllegalStateException("raw loop wrote " + written.get() + " of " + count);
    }
    return new Result(count, elapsed, Duration.ZERO, "written " + written.get());
  }

  private ServiceProcess startService(Path jar, LocalAws localAws) throws IOException {
    return Services.start("import-service", jar, localAws, Files.createTempFile("import-service-benchmark", ".log"), List.of("-Xmx" + heap),
        List.of(
            // The service refuses to start without a cursor secret; a benchmark pages nothing worth guarding.
            "--bellyfed.paging.cursor-secret=benchmark-only-cursor-secret-0123456789",
            "--logging.level.root=WARN"));
  }

  /** Samples the service's heap in use (sum over its heap pools) from its Prometheus endpoint, keeping the peak. */
  static final class HeapSampler {
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)", Pattern.MULTILINE);
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private HeapSampler(ServiceProcess service) {
      thread = new Thread(() -> {
        while (running.get()) {
          try {
            String metrics = service.actuator("/actuator/prometheus");
            long used = 0;
            Matcher matcher = HEAP.matcher(metrics);
            while (matcher.find()) {
              used += (long) Double.parseDouble(matcher.group(1));
            }
            long sample = used;
            peak.accumulateAndGet(sample, Math::max);
            TimeUnit.MILLISECONDS.sleep(200);
          } catch (InterruptedException e) {
            return;
          } catch (IOException | RuntimeException e) {
            // A sample missed; the next one counts.
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
    }

    static HeapSampler start(ServiceProcess service) {
      HeapSampler sampler = new HeapSampler(service);
      sampler.thread.start();
      return sampler;
    }

    long stop() {
      running.set(false);
      return peak.get();
    }
  }

  private String report(Result raw, Result service, long peakHeap, String loadBefore, String loadAfter) {
    double ratio = service.perSecond() / raw.perSecond();
    StringBuilder md = new StringBuilder();
    md.append("# import-service benchmark\n\n");
    md.append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
        .append("; load average ").append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n");
    md.append("Command: `./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.imports.ImportBenchmark -Dexec.args=\"")
        .append("--type ").append(type).append(" --records ").append(records).append(" --warmup-records ").append(warmupRecords)
        .append(dynamoDbData != null ? " --dynamodb-data " + dynamoDbData : "").append("\"`\n\n");
    md.append("| side | records | elapsed | records/s | vs raw | notes |\n| --- | --- | --- | --- | --- | --- |\n");
    md.append(String.format(Locale.ROOT, "| raw BatchWriteItem loop, %d writers | %,d | %.1f s | %,.0f | 100%% | %s |%n",
        writers, raw.records(), raw.elapsed().toMillis() / 1000.0, raw.perSecond(), raw.detail()));
    md.append(String.format(Locale.ROOT, "| import-service end to end, -Xmx%s | %,d | %.1f s | %,.0f | %.0f%% | upload (202) after %.1f s; %s; peak heap %,d MB |%n",
        heap, service.records(), service.elapsed().toMillis() / 1000.0, service.perSecond(), ratio * 100,
        service.upload().toMillis() / 1000.0, service.detail(), peakHeap >> 20));
    md.append(String.format(Locale.ROOT, "%nThis benchmark's own JVM (local-aws with every item written, ElasticMQ with the queued chunks, the load): "
        + "peak heap %,d MB of -Xmx %,d MB.%n", benchmarkPeakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20));
    md.append('\n');
    md.append("""
        ## Method

        - One JVM runs local-aws in-process (ElasticMQ, its DynamoDB engine %s, the EventBridge emulator) and the load;
          the import-service runs as its own process from its executable jar with `-Xmx%s`, pointed at that local-aws.
        - Records are generated %s of about 500 bytes (`Generator.of`, NDJSON), streamed to
          `POST /api/imports` without being held; the service's side runs from the first byte sent until the job is final
          (polled every 100 ms) and checks `COMPLETED` with every record written.
        - The raw side parses the same kind of records with the service's own `RecordReader`, maps them with the same
          `toItem()`, and writes them with BatchWriteItem (25 items a call, unprocessed items retried) from %d threads:
          the service's default listener-concurrency (4) times writers per chunk (4). Different seeds, so neither side
          overwrites the other's items.
        - Both sides are warmed up first with %,d records each (not measured). Peak heap is the highest sum of the
          service's heap pools (`jvm_memory_used_bytes{area="heap"}` from `/actuator/prometheus`) sampled every 200 ms
          during its measured import.

        ## What bounds it

        - DynamoDB: %s
        - The service's own work per chunk of ~175 records (96 KB): one SendMessageBatch entry, a consistent read of the
          job, the idempotency check, one TransactWriteItems (counts and chunk id), a read to settle the job, the
          idempotency record and the SQS delete: about six small calls beside seven batch writes, on the same
          DynamoDB engine and the same cores as the batch writes.
        - Everything shares two cores with the other sessions on this machine (see the load averages): the service JVM,
          local-aws, the load generator and HTTP upload. Ratios from the same run are the figure to read; absolute rates
          move with the load.
        """.formatted(dynamoDbData == null ? "in memory" : "on disk in " + dynamoDbData, heap, type, writers, warmupRecords, bounds()));
    return md.toString();
  }

  private String bounds() {
    return switch (type) {
      case "restaurants" -> """
          every restaurant item carries twelve GSI entries (four scopes times three orders, see
            docs/data-model.md), so a 25-item BatchWriteItem moves some 325 index entries under its items' locks.""";
      case "users" -> "a user item has one GSI entry (`email-index`), so a 25-item BatchWriteItem writes some 50 entries.";
      default -> """
          a review item has four GSI entries. The raw loop uses BatchWriteItem, the service conditional
            TransactWriteItems (a review is written once, for exact rating aggregates), so the ratio includes that price.""";
    };
  }

  /** The highest heap this JVM used since it started: the sum of its heap pools' peaks (an upper bound). */
  private static long benchmarkPeakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return matcher.group(1);
  }

  private static InputStream streamed(Generator generator) {
    try {
      PipedInputStream in = new PipedInputStream(256 * 1024);
      PipedOutputStream out = new PipedOutputStream(in);
      Thread writer = new Thread(() -> {
        try (out) {
          generator.writeTo(out);
        } catch (IOException ignored) {
          // the reader went away
        }
      }, "generator");
      writer.setDaemon(true);
      writer.start();
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  private static Path serviceJar(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("import-service/target"))) {
      return files.filter(path -> path.getFileName().toString().endsWith("-exec.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build the service first: ./mvnw -q install -DskipTests -pl import-service -am"));
    }
  }
}
