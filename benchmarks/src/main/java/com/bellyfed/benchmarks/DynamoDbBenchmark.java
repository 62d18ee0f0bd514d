package com.bellyfed.benchmarks;

import com.bellyfed.benchmarks.dynamodb.BenchItems;
import com.bellyfed.benchmarks.dynamodb.ColdStart;
import com.bellyfed.benchmarks.dynamodb.EngineLoads;
import com.bellyfed.benchmarks.dynamodb.GetLatency;
import com.bellyfed.benchmarks.dynamodb.HeapPerItem;
import com.bellyfed.benchmarks.dynamodb.NoopDynamoDb;
import com.bellyfed.benchmarks.localaws.Throughput;
import com.bellyfed.localaws.AwsClients;
import com.bellyfed.localaws.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures local-aws's DynamoDB engine against the targets of its issue, through the edge with the
 * stock SDK client, each figure beside the edge's no-op ceiling measured in the same run, and writes
 * {@code benchmarks/reports/dynamodb.md}.
 */
@Command(
    name = "dynamodb-benchmark",
    description = "Measures the DynamoDB engine of local-aws and writes a Markdown report. Stops by itself (about 5 minutes with the defaults).")
public final class DynamoDbBenchmark implements Callable<Integer> {

  static final String COMMAND =
      "./mvnw -q install -DskipTests && MAVEN_OPTS=-Xmx3g ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.DynamoDbBenchmark";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of each measured phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "30", description = "Mixed load before measuring, for the JIT (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--writers", defaultValue = "4", description = "Client threads of the write phases (default: ${DEFAULT-VALUE}).")
  int writers;

  @Option(names = "--readers", defaultValue = "8", description = "Client threads of the GetItem phase (default: ${DEFAULT-VALUE}).")
  int readers;

  @Option(names = "--get-rate", defaultValue = "1000", description = "GetItem calls per second of the latency phase (default: ${DEFAULT-VALUE}).")
  int getRate;

  @Option(names = "--memory-items", defaultValue = "1000000", description = "Items written for the heap measurement; 0 skips it (default: ${DEFAULT-VALUE}).")
  int memoryItems;

  @Option(names = "--cold-starts", defaultValue = "3", description = "Cold starts of local-aws-exec.jar to time; 0 skips them (default: ${DEFAULT-VALUE}).")
  int coldStarts;

  @Option(
      names = "--report",
      defaultValue = "benchmarks/reports/dynamodb.md",
      description = "Report file; a relative path is resolved against the project root (default: ${DEFAULT-VALUE}).")
  Path report;

  /** Everything measured, for the report. */
  record Results(
      ColdStart coldStart,
      Throughput transactions, Throughput transactionsNoop,
      Throughput batches, Throughput batchesNoop,
      Throughput gets, Throughput getsNoop,
      GetLatency getLatency, GetLatency getLatencyNoop,
      Throughput mixedTransactions, Throughput mixedBatches,
      Throughput durableTransactions, Throughput durableBatches,
      Throughput memoryTransactionsAgain, Throughput memoryBatchesAgain,
      HeapPerItem heap) {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    }
    int exitCode = new CommandLine(new DynamoDbBenchmark()).execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  @Override
  public Integer call() throws Exception {
    Consumer<String> progress = line -> System.out.println("[dynamodb-benchmark] " + line);
    ZonedDateTime when = ZonedDateTime.now().withNano(0);
    Machine machine = Machine.current();
    Duration phase = Duration.ofSeconds(seconds);
    Path root = ProjectRoot.find(Path.of("").toAbsolutePath());

    progress.accept("cold starts of local-aws-exec.jar with the dev topology: " + coldStarts);
    ColdStart coldStart = coldStarts == 0 ? ColdStart.empty()
        : ColdStart.measure(root.resolve("local-aws/target/local-aws-exec.jar"), coldStarts);
    progress.accept("cold start median " + ColdStart.median(coldStart.wall()).toMillis() + " ms (reported "
        + ColdStart.median(coldStart.reported()).toMillis() + " ms); with the class-data-sharing archive "
        + ColdStart.median(coldStart.sharedWall()).toMillis() + " ms (reported " + ColdStart.median(coldStart.sharedReported()).toMillis() + " ms)");

    Results results;
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0));
        NoopDynamoDb noop = new NoopDynamoDb(itemJson());
        DynamoDbClient noopClient = new AwsClients(noop.endpoint(), localAws.region()).dynamoDb()) {
      DynamoDbClient dynamoDb = localAws.dynamoDb();
      BenchItems.createTable(dynamoDb, "bench-a");
      BenchItems.createTable(dynamoDb, "bench-b");
      int keys = 10_000;
      EngineLoads.seed(dynamoDb, "bench-a", keys);

      progress.accept("warm-up " + warmupSeconds + " s");
      Duration third = Duration.ofSeconds(Math.max(1, warmupSeconds / 3));
      EngineLoads.transactions(dynamoDb, "bench-a", writers, third);
      EngineLoads.batches(dynamoDb, "bench-a", writers, third);
      EngineLoads.gets(dynamoDb, "bench-a", keys, readers, third);
      EngineLoads.transactions(noopClient, "bench-a", writers, Duration.ofSeconds(3));
      EngineLoads.batches(noopClient, "bench-a", writers, Duration.ofSeconds(3));
      EngineLoads.gets(noopClient, "bench-a", keys, readers, Duration.ofSeconds(3));

      Throughput transactions = report(progress, "TransactWriteItems", EngineLoads.transactions(dynamoDb, "bench-a", writers, phase));
      Throughput transactionsNoop = report(progress, "TransactWriteItems (no-op)", EngineLoads.transactions(noopClient, "bench-a", writers, phase));
      Throughput batches = report(progress, "BatchWriteItem", EngineLoads.batches(dynamoDb, "bench-a", writers, phase));
      Throughput batchesNoop = report(progress, "BatchWriteItem (no-op)", EngineLoads.batches(noopClient, "bench-a", writers, phase));
      Throughput gets = report(progress, "GetItem", EngineLoads.gets(dynamoDb, "bench-a", keys, readers, phase));
      Throughput getsNoop = report(progress, "GetItem (no-op)", EngineLoads.gets(noopClient, "bench-a", keys, readers, phase));

      GetLatency latency = GetLatency.measure(dynamoDb, "bench-a", keys, getRate, phase);
      progress.accept(String.format("GetItem at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms", getRate,
          latency.latency().p50(), latency.latency().p99(), latency.latency().max()));
      GetLatency latencyNoop = GetLatency.measure(noopClient, "bench-a", keys, getRate, phase);
      progress.accept(String.format("GetItem (no-op) at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms", getRate,
          latencyNoop.latency().p50(), latencyNoop.latency().p99(), latencyNoop.latency().max()));

      progress.accept("transactions on bench-a and batch writes on bench-b at once");
      CompletableFuture<Throughput> mixedTx = CompletableFuture.supplyAsync(() -> unchecked(() -> EngineLoads.transactions(dynamoDb, "bench-a", writers, phase)));
      Throughput mixedBatches = EngineLoads.batches(dynamoDb, "bench-b", writers, phase);
      Throughput mixedTransactions = mixedTx.join();
      progress.accept(String.format("together: transactions %,.0f items/s, batches %,.0f items/s",
          mixedTransactions.unitsPerSecond(), mixedBatches.unitsPerSecond()));

      Throughput durableTransactions;
      Throughput durableBatches;
      Path dataDir = Files.createTempDirectory("dynamodb-bench-data");
      try (LocalAws durable = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withProvision(false).withDataDir(dataDir))) {
        DynamoDbClient durableClient = durable.dynamoDb();
        BenchItems.createTable(durableClient, "bench-a");
        EngineLoads.transactions(durableClient, "bench-a", writers, Duration.ofSeconds(5));
        EngineLoads.batches(durableClient, "bench-a", writers, Duration.ofSeconds(5));
        durableTransactions = report(progress, "TransactWriteItems with --data-dir", EngineLoads.transactions(durableClient, "bench-a", writers, phase));
        durableBatches = report(progress, "BatchWriteItem with --data-dir", EngineLoads.batches(durableClient, "bench-a", writers, phase));
      } finally {
        deleteRecursively(dataDir);
      }
      // In memory once more, right after: the JIT has warmed up further since the first phases, so the
      // journal's cost is read against these.
      Throughput memoryTransactionsAgain = report(progress, "TransactWriteItems in memory, again", EngineLoads.transactions(dynamoDb, "bench-a", writers, phase));
      Throughput memoryBatchesAgain = report(progress, "BatchWriteItem in memory, again", EngineLoads.batches(dynamoDb, "bench-a", writers, phase));

      HeapPerItem heap = null;
      if (memoryItems > 0) {
        BenchItems.createTable(dynamoDb, "bench-memory");
        progress.accept(String.format("writing %,d items for the heap measurement (max heap %,d MB)", memoryItems,
            Runtime.getRuntime().maxMemory() >> 20));
        heap = HeapPerItem.measure(dynamoDb, "bench-memory", memoryItems, writers);
        progress.accept(String.format("heap per item %.0f bytes for a %d-byte item: %.2fx", heap.bytesPerItem(), heap.dynamoDbSize(), heap.ratio()));
      }
      results = new Results(coldStart, transactions, transactionsNoop, batches, batchesNoop, gets, getsNoop, latency, latencyNoop,
          mixedTransactions, mixedBatches, durableTransactions, durableBatches, memoryTransactionsAgain, memoryBatchesAgain, heap);
    }
    String markdown = DynamoDbReport.render(results, this, machine, Machine.currentLoadAverage(), when);
    Path target = ProjectRoot.resolve(report);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Reports.write(target, markdown);
    System.out.println(markdown);
    progress.accept("report written to " + target);
    return 0;
  }

  private static Throughput report(Consumer<String> progress, String name, Throughput throughput) {
    progress.accept(String.format("%s: %,.0f items/s (%,.0f calls/s, p99 %.2f ms, %d errors%s)", name, throughput.unitsPerSecond(),
        throughput.callsPerSecond(), throughput.latency().p99(), throughput.errors(),
        throughput.firstError() == null ? "" : ", first: " + throughput.firstError()));
    return throughput;
  }

  private static String itemJson() {
    StringBuilder json = new StringBuilder("{");
    BenchItems.item("get-1", 0).forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(name).append("\":").append(value.s() != null ? "{\"S\":\"" + value.s() + "\"}" : "{\"N\":\"" + value.n() + "\"}");
    });
    return json.append('}').toString();
  }

  private interface Measurement<T> {
    T run() throws Exception;
  }

  private static <T> T unchecked(Measurement<T> measurement) {
    try {
      return measurement.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  int writers() {
    return writers;
  }

  int readers() {
    return readers;
  }

  int seconds() {
    return seconds;
  }

  int warmupSeconds() {
    return warmupSeconds;
  }

  int getRate() {
    return getRate;
  }
}
