package com.bellyfed.benchmarks;

import com.bellyfed.benchmarks.localaws.BenchmarkOptions;
import com.bellyfed.benchmarks.localaws.LocalAwsMeasurements;
import com.bellyfed.benchmarks.localaws.LocalAwsResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures local-aws in one JVM (start-up, SendMessage raw and through the edge, PutEvents and
 * delivery latency against raw SQS), prints the figures and writes them as a Markdown report.
 */
@Command(
    name = "local-aws-benchmark",
    description = "Measures local-aws on loopback and writes a Markdown report. Stops by itself, within about 2.5 minutes with the defaults.")
public final class LocalAwsBenchmark implements Callable<Integer> {

  static final String COMMAND = "./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:java";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of each measured phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "15", description = "Mixed traffic before measuring, for the JIT (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--threads", defaultValue = "8", description = "Client threads of the throughput phases (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--rates", split = ",", defaultValue = "500,1000", description = "Events per second of the latency phase (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(names = "--senders", defaultValue = "16", description = "Threads making the paced calls (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(names = "--receivers", defaultValue = "3", description = "Threads long-polling the queue in the latency phase (default: ${DEFAULT-VALUE}).")
  int receivers;

  @Option(names = "--drain-seconds", defaultValue = "15", description = "Wait for outstanding deliveries and messages after sending; PutEvents waits longer if the budget allows (default: ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(names = "--payload-bytes", defaultValue = "200", description = "Size of each message body and event detail (default: ${DEFAULT-VALUE}).")
  int payloadBytes;

  @Option(
      names = "--max-seconds",
      defaultValue = "150",
      description = "Time budget of all measurements; latency rates after the first are skipped when they would not fit (default: ${DEFAULT-VALUE}).")
  int maxSeconds;

  @Option(
      names = "--report",
      defaultValue = "benchmarks/reports/local-aws.md",
      description = "Report file; a relative path is resolved against the project root, where mvnw is (default: ${DEFAULT-VALUE}).")
  Path report;

  public static void main(String[] args) {
    // The emulators log every request at INFO; only problems belong between the figures.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    }
    int exitCode = new CommandLine(new LocalAwsBenchmark()).execute(args);
    // exec:java runs in Maven's JVM: exiting on success would cut Maven short.
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    BenchmarkOptions options =
        new BenchmarkOptions(
            Duration.ofSeconds(seconds), Duration.ofSeconds(warmupSeconds), threads, rates, senders, receivers,
            Duration.ofSeconds(drainSeconds), payloadBytes, Duration.ofSeconds(maxSeconds), ProjectRoot.resolve(report));
    ZonedDateTime when = ZonedDateTime.now().withNano(0);
    Machine machine = Machine.current();
    LocalAwsResults results = LocalAwsMeasurements.run(options, line -> System.out.println("[local-aws-benchmark] " + line));
    String markdown = LocalAwsReport.render(results, options, machine, Machine.currentLoadAverage(), when, COMMAND);
    Files.createDirectories(options.report().toAbsolutePath().getParent());
    Files.writeString(options.report(), markdown);
    System.out.println();
    System.out.println(markdown);
    System.out.println("[local-aws-benchmark] report written to " + options.report());
    return 0;
  }
}
