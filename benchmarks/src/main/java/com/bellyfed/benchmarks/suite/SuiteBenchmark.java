package com.bellyfed.benchmarks.suite;

import com.bellyfed.benchmarks.Machine;
import com.bellyfed.benchmarks.ProjectRoot;
import com.bellyfed.benchmarks.imports.ImportBenchmark;
import com.bellyfed.imports.records.RecordType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every scenario of issue 20's performance report on the real processes (local-aws and the four service jars), each
 * beside its baseline from the same run, and {@code benchmarks/REPORT.md} with its charts. Run by
 * {@code benchmarks/scripts/report.sh}, which builds the jars first.
 */
@Command(name = "suite-benchmark", mixinStandardHelpOptions = true,
    description = "Runs every scenario against local-aws and the four services as processes and writes benchmarks/REPORT.md with its charts.")
public final class SuiteBenchmark implements Callable<Integer> {

  @Option(names = "--seconds", defaultValue = "60", description = "Length of each steady run (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--event-rate", defaultValue = "1000", description = "PUT profiles per second of the end-to-end event run (default ${DEFAULT-VALUE}).")
  int eventRate;

  @Option(names = "--review-rate", defaultValue = "100", description = "Reviews per second of the steady cross-domain run (default ${DEFAULT-VALUE}).")
  int reviewRate;

  @Option(names = "--review-steps", split = ",", defaultValue = "10,25,50,100,150,200,300",
      description = "Rising review rates to find the knee; stops at the first not held (default ${DEFAULT-VALUE}).")
  List<Integer> reviewSteps;

  @Option(names = "--step-seconds", defaultValue = "15", description = "Length of each step (default ${DEFAULT-VALUE}).")
  int stepSeconds;

  @Option(names = "--warmup-seconds", defaultValue = "20", description = "Warm-up of each flow before it is measured (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--baseline-seconds", defaultValue = "20", description = "Length of each raw PutEvents -> SQS baseline (default ${DEFAULT-VALUE}).")
  int baselineSeconds;

  @Option(names = "--patience-seconds", defaultValue = "30",
      description = "How long a wait for a run's events goes on without a new one before the rest count as not delivered (default ${DEFAULT-VALUE}).")
  int patienceSeconds;

  @Option(names = "--clients", defaultValue = "200", description = "Client threads of the paced (open-loop) runs (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--get-clients", defaultValue = "32", description = "Closed-loop clients of GET by id and raw GetItem (default ${DEFAULT-VALUE}).")
  int getClients;

  @Option(names = "--get-seconds", defaultValue = "40", description = "Measured seconds of each side of GET by id, in 4 rounds (default ${DEFAULT-VALUE}).")
  int getSeconds;

  @Option(names = "--get-warmup-seconds", defaultValue = "30", description = "Warm-up of GET by id: the raw side's, and the service's at 2 clients before it warms at full load until its JIT settles, for at most 4 times this (default ${DEFAULT-VALUE}).")
  int getWarmupSeconds;

  @Option(names = "--import-records", defaultValue = "1000000", description = "Records of the measured import, each side (default ${DEFAULT-VALUE}).")
  long importRecords;

  @Option(names = "--import-warmup-records", defaultValue = "20000", description = "Records of the import warm-up, each side (default ${DEFAULT-VALUE}).")
  long importWarmupRecords;

  @Option(names = "--import-type", defaultValue = "users", description = "restaurants, users or reviews (default ${DEFAULT-VALUE}).")
  String importType;

  @Option(names = "--import-writers", defaultValue = "16", description = "BatchWriteItem calls in flight on the raw side (default ${DEFAULT-VALUE}).")
  int importWriters;

  @Option(names = "--local-aws-heap", defaultValue = "4g", description = "-Xmx of local-aws: the import keeps every item in its heap (default ${DEFAULT-VALUE}).")
  String localAwsHeap;

  @Option(names = "--service-heap", defaultValue = "512m", description = "-Xmx of write, query and analytics (default ${DEFAULT-VALUE}).")
  String serviceHeap;

  @Option(names = "--import-heap", defaultValue = "256m", description = "-Xmx of import-service: the target's heap (default ${DEFAULT-VALUE}).")
  String importHeap;

  @Option(names = "--report", defaultValue = "benchmarks/REPORT.md", description = "The report; its charts go to charts/ beside it (default ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--label", description = "Says in the report's title what kind of run this was, e.g. \"short run\".")
  String label;

  private List<String> arguments = List.of();

  public static void main(String[] args) {
    // Before the first logger: the SDK's and Jackson's DEBUG output would cost the load generator.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    }
    System.setProperty("java.awt.headless", "true");
    SuiteBenchmark benchmark = new SuiteBenchmark();
    benchmark.arguments = List.of(args);
    int exit = new CommandLine(benchmark).execute(args);
    System.exit(exit);
  }

  @Override
  public Integer call() throws Exception {
    Path root = ProjectRoot.find(Path.of("").toAbsolutePath());
    Path out = ProjectRoot.resolve(report);
    String typed = String.join(" ", arguments().stream().map(arg -> arg.contains(" ") ? "\"" + arg + "\"" : arg).toList());
    SuiteReport.Run run = new SuiteReport.Run(Instant.now(), Machine.current(), typed, label);
    try (Suite suite = Suite.start(root, localAwsHeap, serviceHeap, importHeap);
        DynamoDbClient dynamoDb = suite.localAws.dynamoDb(Math.max(64, importWriters * 2));
        EventBridgeClient eventBridge = suite.localAws.eventBridge(clients);
        SqsClient sqs = suite.localAws.sqs(16)) {
      String admin = suite.localAws.token("bench-admin", "admin");
      List<String> reviewers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        reviewers.add(suite.localAws.token("bench-reviewer-" + i));
      }
      GetById.Result get = GetById.run(suite, dynamoDb, getClients, Duration.ofSeconds(getWarmupSeconds), Duration.ofSeconds(getSeconds), 4);
      EventFlow.Result events = new EventFlow(suite, dynamoDb, admin, Duration.ofSeconds(patienceSeconds)).run(eventRate, Duration.ofSeconds(seconds), Duration.ofSeconds(warmupSeconds),
          Duration.ofSeconds(baselineSeconds), clients);
      CrossDomain.Result reviews = new CrossDomain(suite, eventBridge, sqs, admin, reviewers, Duration.ofSeconds(patienceSeconds)).run(reviewRate, Duration.ofSeconds(seconds),
          reviewSteps, Duration.ofSeconds(stepSeconds), Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(baselineSeconds),
          SuiteReport.REVIEW_P95_MS, clients);
      String importTable = suite.topology.table(RecordType.of(importType).orElseThrow().table()).name();
      CpuShares cpu = suite.cpu();
      CpuShares.Snapshot before = cpu.take();
      ImportBenchmark.Comparison imported = ImportBenchmark.compare(suite.service("import-service"), admin, dynamoDb, importTable, importType,
          importRecords, importWarmupRecords, importWriters);
      CpuShares.Phase importCpu = CpuShares.between(before, cpu.take(), Runtime.getRuntime().availableProcessors());
      SuiteReport.write(out, new SuiteReport.Results(run, suite.startup, suite.restarts, get, events, reviews, imported, importCpu, this), Machine.currentLoadAverage());
      System.out.println("report written to " + out);
    }
    return 0;
  }

  /** The options of this run as they were typed, for the report's command line. */
  List<String> arguments() {
    return arguments;
  }

  boolean fullRun() {
    return seconds >= 60 && eventRate >= 1000 && reviewRate >= 100 && importRecords >= 1_000_000 && getSeconds >= 40;
  }
}
