package com.bellyfed.benchmarks;

import static com.bellyfed.benchmarks.Markdown.number;

import com.bellyfed.benchmarks.dynamodb.ColdStart;
import com.bellyfed.benchmarks.dynamodb.EngineLoads;
import com.bellyfed.benchmarks.dynamodb.HeapPerItem;
import com.bellyfed.benchmarks.localaws.Throughput;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** The DynamoDB engine's report: each target, the figure, the edge's no-op ceiling and the baseline replaced. */
final class DynamoDbReport {

  /** DynamoDB Local's figures on this kind of machine, from the reports and notes written while it was the engine. */
  static final double REPLACED_TRANSACTIONS = 2_000;
  static final double REPLACED_BATCHES = 3_100;
  static final double REPLACED_GETS = 5_000;

  private DynamoDbReport() {}

  static String render(DynamoDbBenchmark.Results r, DynamoDbBenchmark options, Machine machine, String loadAfter, ZonedDateTime when) {
    Markdown md = new Markdown();
    md.heading(1, "DynamoDB engine benchmark");
    md.paragraph("Run " + when + " with `" + DynamoDbBenchmark.COMMAND + "`. Machine: " + machine.cores() + " cores (" + machine.cpu()
        + "), " + machine.jvm() + ", max heap " + number(machine.maxHeapBytes() / 1048576.0, 0) + " MB; load average "
        + machine.loadAverage() + " before, " + loadAfter + " after.");
    md.paragraph("Everything runs in one JVM on loopback: local-aws (in memory unless said), the stock AWS SDK v2 client"
        + " (Apache 5 HTTP client) and the load threads share the machine's cores. Each write phase is a closed loop of "
        + options.writers() + " client threads for " + options.seconds() + " s after a " + options.warmupSeconds()
        + " s warm-up; items are ~" + com.bellyfed.benchmarks.dynamodb.BenchItems.dynamoDbSize("tx-00000000-0-0-0", 0)
        + "-byte restaurant records. **No-op ceiling**: the same clients and request bodies sent to an edge whose DynamoDB backend"
        + " answers a fixed body at once, in the same run; engine ÷ ceiling is the share of the edge's own rate the engine keeps."
        + " **Replaced baseline**: DynamoDB Local's figures recorded on this machine while it was local-aws's DynamoDB"
        + " (decision 19; analytics and import reports, `shared/DEPENDENCIES.md`).");
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("TransactWriteItems (" + EngineLoads.TRANSACTION_PUTS + " conditional puts + 2 ADDs), " + options.writers() + " writers, items/s",
        r.transactions(), r.transactionsNoop(), REPLACED_TRANSACTIONS, "≥ 10,000", r.transactions().unitsPerSecond() >= 10_000));
    rows.add(row("BatchWriteItem (" + EngineLoads.BATCH_SIZE + " items), " + options.writers() + " writers, items/s",
        r.batches(), r.batchesNoop(), REPLACED_BATCHES, "≥ 15,000", r.batches().unitsPerSecond() >= 15_000));
    rows.add(row("GetItem, " + options.readers() + " threads, calls/s", r.gets(), r.getsNoop(), REPLACED_GETS,
        "≥ 3× replaced (15,000)", r.gets().unitsPerSecond() >= 3 * REPLACED_GETS));
    rows.add(List.of("GetItem p99 at " + number(options.getRate(), 0) + " calls/s (p50 / p99 / max ms)",
        latencies(r.getLatency()), latencies(r.getLatencyNoop()),
        number(r.getLatency().latency().p99() / r.getLatencyNoop().latency().p99(), 2) + "× (p99)", "", "< 2 ms",
        verdict(r.getLatency().latency().p99() < 2)));
    double txShare = r.mixedTransactions().unitsPerSecond() / r.transactions().unitsPerSecond();
    double batchShare = r.mixedBatches().unitsPerSecond() / r.batches().unitsPerSecond();
    rows.add(List.of("transactions and batch writes on two tables at once, items/s (share of solo)",
        "tx " + number(r.mixedTransactions().unitsPerSecond(), 0) + " (" + percent(txShare) + "), batch "
            + number(r.mixedBatches().unitsPerSecond(), 0) + " (" + percent(batchShare) + ")",
        "", "", "batch 86 beside tx (2,215 alone)", "each ≥ 40%", verdict(txShare >= 0.4 && batchShare >= 0.4)));
    double durableTx = r.durableTransactions().unitsPerSecond() / r.memoryTransactionsAgain().unitsPerSecond();
    double durableBatch = r.durableBatches().unitsPerSecond() / r.memoryBatchesAgain().unitsPerSecond();
    rows.add(List.of("with `--data-dir` (fsync INTERVAL, the default), items/s (share of in memory measured right after)",
        "tx " + number(r.durableTransactions().unitsPerSecond(), 0) + " (" + percent(durableTx) + "), batch "
            + number(r.durableBatches().unitsPerSecond(), 0) + " (" + percent(durableBatch) + ")",
        "", "", "", "≥ 50%", verdict(durableTx >= 0.5 && durableBatch >= 0.5)));
    HeapPerItem heap = r.heap();
    rows.add(heap == null
        ? List.of("heap per item", "not measured", "", "", "", "≤ 2× item size", "")
        : List.of("heap per item at " + number(heap.items(), 0) + " items, bytes (× DynamoDB size)",
            number(heap.bytesPerItem(), 0) + " (" + number(heap.ratio(), 2) + "× of " + heap.dynamoDbSize() + " B)", "", "", "",
            "≤ 2×", verdict(heap.ratio() <= 2)));
    if (!r.coldStart().wall().isEmpty()) {
      long wall = ColdStart.median(r.coldStart().wall()).toMillis();
      rows.add(List.of("cold start of `java -jar local-aws-exec.jar`, dev topology, ms (median of " + r.coldStart().wall().size() + ")",
          number(wall, 0) + " wall (" + number(ColdStart.median(r.coldStart().reported()).toMillis(), 0) + " reported)", "", "",
          "~6,000 (DynamoDB Local alone)", "≤ 3,000", verdict(wall <= 3_000)));
      if (!r.coldStart().sharedWall().isEmpty()) {
        long shared = ColdStart.median(r.coldStart().sharedWall()).toMillis();
        rows.add(List.of("the same with the build's class-data-sharing archive (`-XX:SharedArchiveFile=local-aws-exec.jsa`)",
            number(shared, 0) + " wall (" + number(ColdStart.median(r.coldStart().sharedReported()).toMillis(), 0) + " reported)",
            "", "", "", "≤ 3,000", verdict(shared <= 3_000)));
      }
    }
    md.table(List.of("measure", "engine", "no-op ceiling", "engine ÷ ceiling", "replaced baseline", "target", "met"), rows);
    md.heading(2, "Latency of the closed loops");
    md.table(List.of("phase", "calls", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms"), List.of(
        latency("TransactWriteItems", r.transactions()),
        latency("TransactWriteItems, no-op", r.transactionsNoop()),
        latency("BatchWriteItem", r.batches()),
        latency("BatchWriteItem, no-op", r.batchesNoop()),
        latency("GetItem", r.gets()),
        latency("GetItem, no-op", r.getsNoop()),
        latency("TransactWriteItems beside batches", r.mixedTransactions()),
        latency("BatchWriteItem beside transactions", r.mixedBatches()),
        latency("TransactWriteItems, --data-dir", r.durableTransactions()),
        latency("BatchWriteItem, --data-dir", r.durableBatches()),
        latency("TransactWriteItems, in memory again", r.memoryTransactionsAgain()),
        latency("BatchWriteItem, in memory again", r.memoryBatchesAgain())));
    if (heap != null) {
      md.paragraph("Heap: used heap after full collections before and after writing " + number(heap.items(), 0) + " items with BatchWriteItem ("
          + options.writers() + " writers, " + number(heap.loadSeconds(), 1) + " s, " + number(heap.items() / heap.loadSeconds(), 0)
          + " items/s), divided by the count.");
    }
    return md.toString();
  }

  private static List<String> row(String measure, Throughput engine, Throughput noop, double replaced, String target, boolean met) {
    return List.of(measure, number(engine.unitsPerSecond(), 0), number(noop.unitsPerSecond(), 0),
        number(engine.unitsPerSecond() / noop.unitsPerSecond(), 2) + "×", "~" + number(replaced, 0) + " ("
            + number(engine.unitsPerSecond() / replaced, 1) + "× now)", target, verdict(met));
  }

  private static List<String> latency(String name, Throughput throughput) {
    return List.of(name, number(throughput.calls(), 0), number(throughput.errors(), 0), number(throughput.latency().p50(), 2),
        number(throughput.latency().p90(), 2), number(throughput.latency().p99(), 2), number(throughput.latency().max(), 2));
  }

  private static String latencies(com.bellyfed.benchmarks.dynamodb.GetLatency latency) {
    return number(latency.latency().p50(), 2) + " / " + number(latency.latency().p99(), 2) + " / " + number(latency.latency().max(), 2);
  }

  private static String percent(double share) {
    return number(share * 100, 0) + "%";
  }

  private static String verdict(boolean met) {
    return met ? "yes" : "**no**";
  }
}
