package com.bellyfed.benchmarks.runtime;

import com.bellyfed.benchmarks.CommonEventsReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the common-events runtime against one in-process local-aws (publisher against a naive
 * PutEvents loop, publish-to-consume latency through the ReliableConsumer, the idempotency guard's
 * cost per message), prints the figures and writes them as a Markdown report.
 */
@Command(
    name = "common-events-benchmark",
    description = "Measures the common-events runtime on loopback and writes a Markdown report. Stops by itself, within about 3 minutes with the defaults.")
public final class CommonEventsBenchmark implements Callable<Integer> {

  static final String COMMAND =
      "./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=com.bellyfed.benchmarks.runtime.CommonEventsBenchmark";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--events", defaultValue = "10000", description = "Events the publisher and the naive loop each send in the throughput phase (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--threads", defaultValue = "8", description = "Threads publishing in the throughput phase (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--publisher-senders", defaultValue = "4", description = "The publisher's sender threads; 4 is its default (default: ${DEFAULT-VALUE}).")
  int publisherSenders;

  @Option(names = "--warmup-seconds", defaultValue = "15", description = "Traffic on every path before measuring, for the JIT (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of each rate of the latency phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--rates", split = ",", defaultValue = "500,2000", description = "Publish calls per second of the latency phase (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(names = "--senders", defaultValue = "4", description = "Threads making the paced publish() calls (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(names = "--receivers", defaultValue = "3", description = "Threads long-polling each tap queue (default: ${DEFAULT-VALUE}).")
  int receivers;

  @Option(names = "--guard-messages", defaultValue = "5000", description = "Messages the guard and the baseline each handle (default: ${DEFAULT-VALUE}).")
  int guardMessages;

  @Option(names = "--dynamodb-seconds", defaultValue = "3", description = "Length of the direct GetItem + PutItem measurement (default: ${DEFAULT-VALUE}).")
  int dynamoDbSeconds;

  @Option(names = "--drain-seconds", defaultValue = "10", description = "Longest wait for outstanding events after a phase stops sending (default: ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(
      names = "--report",
      defaultValue = "benchmarks/reports/common-events.md",
      description = "Report file; a relative path is resolved against the project root, where mvnw is (default: ${DEFAULT-VALUE}).")
  Path report;

  public static void main(String[] args) {
    // The emulators log every request at INFO; only problems belong between the figures.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "benchmarks-logback.xml");
    }
    int exitCode = new CommandLine(new CommonEventsBenchmark()).execute(args);
    // exec:java runs in Maven's JVM: exiting on success would cut Maven short.
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    RuntimeOptions options =
        new RuntimeOptions(
            events, threads, publisherSenders, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds), rates, senders, receivers,
            guardMessages, Duration.ofSeconds(dynamoDbSeconds), Duration.ofSeconds(drainSeconds), CommonEventsReport.resolve(report));
    // Date, machine and load average before the run.
    CommonEventsReport document = CommonEventsReport.begin();
    CommonEventsResults results = CommonEventsMeasurements.run(options, line -> System.out.println("[common-events-benchmark] " + line));
    String markdown = document.render(results, options, COMMAND);
    CommonEventsReport.write(options.report(), markdown);
    System.out.println();
    System.out.println(markdown);
    System.out.println("[common-events-benchmark] report written to " + options.report());
    return 0;
  }
}
