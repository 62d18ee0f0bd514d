package com.bellyfed.benchmarks;

import static com.bellyfed.benchmarks.Markdown.number;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.benchmarks.localaws.BenchmarkOptions;
import com.bellyfed.benchmarks.localaws.DeliveryLatency;
import com.bellyfed.benchmarks.localaws.DeliveryWatch;
import com.bellyfed.benchmarks.localaws.LatencySummary;
import com.bellyfed.benchmarks.localaws.LocalAwsResults;
import com.bellyfed.benchmarks.localaws.PutEventsThroughput;
import com.bellyfed.benchmarks.localaws.SendMessageThroughput;
import com.bellyfed.benchmarks.localaws.StartupTimes;
import com.bellyfed.benchmarks.localaws.Throughput;
import com.bellyfed.benchmarks.localaws.Warmup;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Markdown report of one local-aws run. */
final class LocalAwsReport {

  private LocalAwsReport() {}

  static String render(
      LocalAwsResults results, BenchmarkOptions options, Machine machine, String loadAtEnd, ZonedDateTime when, String command) {
    Markdown md = new Markdown().heading(1, "local-aws benchmark");
    md.paragraph("Written by `LocalAwsBenchmark` (module `benchmarks`); run it again to replace these figures:\n\n```\n" + command + "\n```");
    md.bullets(List.of(
        "Date: " + when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        "Machine: " + machine.cores() + " cores (" + machine.cpu() + "), " + machine.os() + ", max heap " + machine.maxHeapBytes() / (1024 * 1024) + " MiB",
        "Load average (1 / 5 / 15 min) before the run: " + machine.loadAverage() + " (other processes on this machine; "
            + machine.cores() + " cores); at the end, this run's own threads included: " + loadAtEnd,
        "JVM: " + machine.jvm(),
        "Options: " + describe(options),
        "SDK: AWS SDK for Java v2 sync clients, " + BenchClients.HTTP_CLIENT + ", SDK retries off, static credentials local/local, us-east-1",
        "Everything (emulators, edge, clients) ran in one JVM on loopback; the whole run took " + seconds(results.total()) + " s"));
    md.heading(2, "Method");
    md.paragraph(method(options));
    startup(md, results.startup());
    warmup(md, results.warmup(), options);
    sendMessage(md, results.sendMessage(), options);
    putEvents(md, results.putEvents(), results.sendMessage(), options);
    latency(md, results.latencies(), results.skippedRates(), options);
    md.heading(2, "EventBridge emulator counters at the end of the run");
    md.table(List.of("counter", "value"), results.emulatorStats().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> List.of(entry.getKey(), number(entry.getValue(), 0)))
        .toList());
    return md.toString();
  }

  private static String describe(BenchmarkOptions options) {
    return "`--seconds " + options.measure().toSeconds() + " --warmup-seconds " + options.warmup().toSeconds()
        + " --threads " + options.threads() + " --rates " + String.join(",", options.rates().stream().map(String::valueOf).toList())
        + " --senders " + options.senders() + " --receivers " + options.receivers()
        + " --drain-seconds " + options.drain().toSeconds() + " --payload-bytes " + options.payloadBytes()
        + " --max-seconds " + options.budget().toSeconds() + "`";
  }

  private static String method(BenchmarkOptions options) {
    return "One JVM runs local-aws and the load. Start-up is the wall time around `LocalAws.start(LocalAws.Settings.defaults().withPort(0))`,"
        + " first in the JVM (cold: class loading, interpreted code, provisioning of the Bellyfed topology included) and then again"
        + " after closing the first instance (warm); the second instance serves everything after. Then "
        + options.warmup().toSeconds() + " s of mixed SendMessage (edge and direct) and PutEvents traffic, with a receiver draining the"
        + " queue, let the JIT compile every path before anything is measured. Throughput phases are closed loops: "
        + options.threads() + " threads each call again as soon as the previous call returns; latency per call is the time around the"
        + " SDK call, recorded in HdrHistogram (microseconds, 3 significant digits). SendMessage runs " + options.measure().toSeconds()
        + " s per path, split into halves that alternate (raw, edge, raw, edge) so that neither path profits from running later."
        + " \"Raw\" SendMessage goes straight to ElasticMQ's own port (`sqsBackendEndpoint()`), \"edge\" through the local-aws edge,"
        + " which proxies it to the same ElasticMQ. PutEvents sends 10 entries of a " + options.payloadBytes() + "-byte detail per call,"
        + " for " + options.measure().toSeconds() + " s,"
        + " to a fresh bus with one rule (`{\"source\":[\"bench\"]}`) targeting a fresh queue; delivered/s counts the emulator's"
        + " `delivered` counter from the first call until it has grown by every accepted entry (waiting at least "
        + options.drain().toSeconds() + " s after the senders stop, longer if the budget allows), so it includes the backlog drained"
        + " after the senders stopped. Delivery latency is open loop:"
        + " one scheduler thread ticks at the fixed rate and " + options.senders() + " sender threads make one call per tick (one"
        + " message, or one PutEvents entry), writing `System.nanoTime()` into the body or detail just before the call (calls still"
        + " queued 3 s after the last tick are not made, hence sent / scheduled); "
        + options.receivers() + " receivers long-poll the queue directly on ElasticMQ (10 messages, 1 s wait), record now − sent"
        + " for each message and delete each batch with DeleteMessageBatch. The raw SQS baseline uses the same rate, payload,"
        + " receivers and queue settings with SendMessage straight to ElasticMQ over HTTP, so the difference between the two rows is what"
        + " the EventBridge path (edge, event-ruler matching, asynchronous delivery) adds, less the HTTP hop its delivery does not"
        + " make: the emulator puts matched events into the queue in-process (docs/decisions.md, decision 3); rates after the first run only if both"
        + " rows still fit in the " + options.budget().toSeconds() + " s budget. Latency is counted from the actual start"
        + " of each call; the sender-lag column shows how late calls started against the schedule (when it stays small, the rate was"
        + " held and coordinated omission is negligible). The phases run in the order start-up, warm-up, SendMessage, latency"
        + " (raw rows, then EventBridge rows) and PutEvents throughput last: the emulator accepts events faster than it delivers"
        + " them, and the backlog of that flood must not drain while anything else is measured. Clients and emulators share the same cores, so every figure is a lower"
        + " bound of what the emulators could do alone; other processes on a shared machine move them a lot between runs (on a"
        + " busy machine PutEvents acceptance was seen 5× lower), so read them with the load average above.";
  }

  private static void startup(Markdown md, StartupTimes startup) {
    md.heading(2, "1. Start-up of local-aws");
    md.table(
        List.of("start", "wall time around `LocalAws.start`", "`LocalAws.startupTime()`"),
        List.of(
            List.of("cold (first in the JVM)", millis(startup.cold()), millis(startup.coldReported())),
            List.of("warm (second in the same JVM)", millis(startup.warm()), millis(startup.warmReported()))));
    md.paragraph("Closing the first instance took " + millis(startup.coldClose()) + ". Both starts provision the topology of the `dev` environment.");
  }

  private static void warmup(Markdown md, Warmup warmup, BenchmarkOptions options) {
    md.heading(2, "2. Warm-up (not a measurement)");
    Throughput traffic = warmup.traffic();
    md.table(
        List.of("duration", "threads", "calls", "messages + entries", "errors", "all events delivered", "messages drained"),
        List.of(List.of(
            seconds(traffic.elapsed()) + " s", String.valueOf(options.threads()), number(traffic.calls(), 0), number(traffic.units(), 0),
            number(traffic.errors(), 0), outcome(warmup.delivery(), options.drain()), number(warmup.received(), 0))));
  }

  private static void sendMessage(Markdown md, SendMessageThroughput send, BenchmarkOptions options) {
    md.heading(2, "3. SendMessage throughput, " + options.threads() + " threads, " + options.measure().toSeconds() + " s per path");
    List<String> header = List.of("path", "msgs/s", "calls", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms");
    List<List<String>> rows = new ArrayList<>();
    rows.add(throughputRow("ElasticMQ directly (raw)", send.raw()));
    rows.add(throughputRow("through the edge", send.edge()));
    LatencySummary raw = send.raw().latency();
    LatencySummary edge = send.edge().latency();
    rows.add(List.of("edge / raw", number(send.ratio(), 2) + "×", "", "",
        number(edge.p50() / raw.p50(), 2) + "×", number(edge.p90() / raw.p90(), 2) + "×", number(edge.p99() / raw.p99(), 2) + "×", ""));
    md.table(header, rows);
    firstErrors(md, send.raw(), send.edge());
  }

  private static List<String> throughputRow(String name, Throughput throughput) {
    LatencySummary latency = throughput.latency();
    return List.of(name, number(throughput.unitsPerSecond(), 0), number(throughput.calls(), 0), number(throughput.errors(), 0),
        number(latency.p50(), 2), number(latency.p90(), 2), number(latency.p99(), 2), number(latency.max(), 1));
  }

  private static void putEvents(Markdown md, PutEventsThroughput put, SendMessageThroughput send, BenchmarkOptions options) {
    md.heading(2, "4. PutEvents throughput, " + options.threads() + " threads, 10 entries per call, " + options.measure().toSeconds() + " s");
    double raw = send.raw().unitsPerSecond();
    double edge = send.edge().unitsPerSecond();
    LatencySummary call = put.sending().latency();
    var counts = put.delivery().counts();
    md.table(
        List.of("figure", "value", "vs raw SendMessage (" + number(raw, 0) + " msgs/s)", "vs edge SendMessage (" + number(edge, 0) + " msgs/s)"),
        List.of(
            List.of("entries accepted/s", number(put.acceptedPerSecond(), 0), number(put.acceptedPerSecond() / raw, 2) + "×", number(put.acceptedPerSecond() / edge, 2) + "×"),
            List.of("entries delivered/s (first call → last delivery)", number(put.deliveredPerSecond(), 0), number(put.deliveredPerSecond() / raw, 2) + "×", number(put.deliveredPerSecond() / edge, 2) + "×"),
            List.of("PutEvents calls/s", number(put.sending().callsPerSecond(), 0), "", ""),
            List.of("PutEvents call p50 / p99 / max ms", number(call.p50(), 2) + " / " + number(call.p99(), 2) + " / " + number(call.max(), 1), "", ""),
            List.of("entries accepted / failed calls", number(put.sending().units(), 0) + " / " + number(put.sending().errors(), 0), "", ""),
            List.of("delivered / retried / dead-lettered / dropped", number(counts.delivered(), 0) + " / " + number(counts.retried(), 0) + " / "
                + number(counts.deadLettered(), 0) + " / " + number(counts.dropped(), 0), "", ""),
            List.of("not yet delivered when senders stopped", number(put.backlogAtSendEnd(), 0), "", ""),
            List.of("first call → last delivery", seconds(put.deliveryElapsed()) + " s", "", ""),
            List.of("all accepted entries delivered", outcome(put.delivery(), put.waitLimit()), "", "")));
    firstErrors(md, put.sending());
    if (counts.dropped() > 0 || counts.retried() > 0) {
      md.paragraph("Retried and dropped deliveries are the emulator's own: its delivery client's calls to ElasticMQ failed"
          + " (TargetDelivery logs each drop with its cause at WARN on the console). Targets here retry twice, then drop.");
    }
  }

  private static String outcome(DeliveryWatch.Outcome outcome, Duration waitLimit) {
    if (outcome.complete()) {
      return "yes";
    }
    long missing = outcome.expected() - outcome.counts().delivered();
    return outcome.timedOut()
        ? "**no**: " + number(missing, 0) + " still undelivered after the " + waitLimit.toSeconds() + " s wait"
        : "**no**: " + number(missing, 0) + " dropped or dead-lettered";
  }

  private static void latency(Markdown md, List<DeliveryLatency> latencies, List<Integer> skipped, BenchmarkOptions options) {
    md.heading(2, "5. Delivery latency at a fixed rate, " + options.measure().toSeconds() + " s per row");
    List<List<String>> rows = new ArrayList<>();
    for (DeliveryLatency row : latencies) {
      LatencySummary latency = row.receiving().latency();
      rows.add(List.of(
          number(row.rate(), 0), row.via().description(), number(row.sending().sent(), 0) + " / " + number(row.sending().scheduled(), 0),
          number(row.receiving().received(), 0),
          row.complete() ? "yes" : "**no**", number(row.sending().perSecond(), 0),
          number(latency.p50(), 2), number(latency.p90(), 2), number(latency.p99(), 2), number(latency.max(), 1),
          number(row.sending().lag().p99(), 2), number(row.sending().errors() + row.receiving().errors(), 0)));
    }
    md.table(List.of("rate/s", "path", "sent / scheduled", "received", "received == sent", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
        "sender lag p99 ms", "errors"), rows);
    List<String> comparisons = new ArrayList<>();
    for (int rate : options.rates()) {
      LatencySummary raw = find(latencies, rate, DeliveryLatency.Via.RAW_SQS);
      LatencySummary events = find(latencies, rate, DeliveryLatency.Via.EVENTBRIDGE);
      if (raw != null && events != null) {
        comparisons.add("at " + rate + "/s: EventBridge p50 " + number(events.p50(), 2) + " ms vs raw SQS " + number(raw.p50(), 2)
            + " ms (" + signed(events.p50() - raw.p50()) + " ms); p99 " + number(events.p99(), 2) + " ms vs " + number(raw.p99(), 2)
            + " ms (" + signed(events.p99() - raw.p99()) + " ms)");
      }
    }
    skipped.forEach(rate -> comparisons.add("at " + rate + "/s: skipped, it would not have fitted in the budget of "
        + options.budget().toSeconds() + " s (`--max-seconds`)"));
    md.bullets(comparisons);
  }

  private static @Nullable LatencySummary find(List<DeliveryLatency> latencies, int rate, DeliveryLatency.Via via) {
    return latencies.stream()
        .filter(latency -> latency.rate() == rate && latency.via() == via)
        .map(latency -> latency.receiving().latency())
        .findFirst()
        .orElse(null);
  }

  private static String signed(double millis) {
    return (millis >= 0 ? "+" : "") + number(millis, 2);
  }

  private static void firstErrors(Markdown md, Throughput... runs) {
    List<String> errors = new ArrayList<>();
    for (Throughput run : runs) {
      if (run.firstError() != null) {
        errors.add("first error: `" + run.firstError() + "`");
      }
    }
    if (!errors.isEmpty()) {
      md.bullets(errors);
    }
  }

  private static String millis(Duration duration) {
    return number(duration.toNanos() / 1e6, 0) + " ms";
  }

  private static String seconds(Duration duration) {
    return number(duration.toNanos() / 1e9, 1);
  }
}
