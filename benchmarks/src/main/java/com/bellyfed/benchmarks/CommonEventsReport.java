package com.bellyfed.benchmarks;

import static com.bellyfed.benchmarks.Markdown.number;

import com.bellyfed.benchmarks.localaws.BenchClients;
import com.bellyfed.benchmarks.localaws.LatencySummary;
import com.bellyfed.benchmarks.localaws.PacedSender;
import com.bellyfed.benchmarks.runtime.CommonEventsResults;
import com.bellyfed.benchmarks.runtime.ConsumeLatency;
import com.bellyfed.benchmarks.runtime.GuardOverhead;
import com.bellyfed.benchmarks.runtime.PublisherMeters;
import com.bellyfed.benchmarks.runtime.PublisherThroughput;
import com.bellyfed.benchmarks.runtime.RuntimeOptions;
import com.bellyfed.benchmarks.runtime.RuntimeWarmup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The Markdown report of one run of {@code CommonEventsBenchmark}. Public, unlike the local-aws
 * report, because that benchmark lives in its own package; it keeps the report helpers of this
 * package (tables, machine, project root) to itself all the same.
 */
public final class CommonEventsReport {

  private final Machine machine;
  private final ZonedDateTime when;

  private CommonEventsReport(Machine machine, ZonedDateTime when) {
    this.machine = machine;
    this.when = when;
  }

  /** Takes date, machine and load average now, before the run changes the load. */
  public static CommonEventsReport begin() {
    return new CommonEventsReport(Machine.current(), ZonedDateTime.now().withNano(0));
  }

  /** A report path as given on the command line: a relative one is resolved against the project root. */
  public static Path resolve(Path report) {
    return ProjectRoot.resolve(report);
  }

  public static void write(Path report, String markdown) throws IOException {
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown);
  }

  public String render(CommonEventsResults results, RuntimeOptions options, String command) {
    Markdown md = new Markdown().heading(1, "common-events benchmark");
    md.paragraph("Written by `CommonEventsBenchmark` (module `benchmarks`); run it again to replace these figures:\n\n```\n" + command + "\n```");
    md.bullets(List.of(
        "Date: " + when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        "Machine: " + machine.cores() + " cores (" + machine.cpu() + "), " + machine.os() + ", max heap " + machine.maxHeapBytes() / (1024 * 1024) + " MiB",
        "Load average (1 / 5 / 15 min) before the run: " + machine.loadAverage() + " (other processes on this machine; "
            + machine.cores() + " cores); at the end, this run's own threads included: " + Machine.currentLoadAverage(),
        "JVM: " + machine.jvm(),
        "Options: " + describe(options),
        "Runtime under test: `EventBridgePublisher` with `PublisherSettings.defaults()` (" + options.publisherSenders() + " senders, buffer 10,000,"
            + " 3 attempts), `PutEventsSender` behind the auto-configuration's circuit breaker, `ReliableConsumer` with"
            + " `ConsumerSettings.defaults()` and `IdempotencyGuard` on the `processed-events` table; the runtime's AWS clients are"
            + " local-aws's shared edge clients (stock SDK v2 clients, Apache 5 HTTP client, SDK default retries)",
        "Tap receivers: SDK v2 SqsClient straight to ElasticMQ, " + BenchClients.HTTP_CLIENT + ", SDK retries off",
        "Everything (emulators, runtime, load) ran in one JVM on loopback; local-aws started in " + millis(results.startup())
            + " and the whole run took " + seconds(results.total()) + " s"));
    md.heading(2, "Method");
    method(md, options);
    warmup(md, results.warmup(), options);
    throughput(md, results.throughput(), options);
    latency(md, results.latencies(), results.guard(), options);
    guard(md, results.guard(), options);
    md.heading(2, "EventBridge emulator counters at the end of the run");
    md.paragraph("Every event on the restaurant bus is delivered three times: to its tap, and by the topology's own rules to the"
        + " rating and archive queues (purged between phases, since nothing consumes them here).");
    md.table(List.of("counter", "value"), results.emulatorStats().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> List.of(entry.getKey(), number(entry.getValue(), 0)))
        .toList());
    return md.toString();
  }

  private static String describe(RuntimeOptions options) {
    return "`--events " + options.events() + " --threads " + options.threads() + " --publisher-senders " + options.publisherSenders()
        + " --warmup-seconds " + options.warmup().toSeconds() + " --seconds " + options.measure().toSeconds()
        + " --rates " + String.join(",", options.rates().stream().map(String::valueOf).toList())
        + " --senders " + options.senders() + " --receivers " + options.receivers() + " --guard-messages " + options.guardMessages()
        + " --dynamodb-seconds " + options.dynamoDb().toSeconds() + " --drain-seconds " + options.drain().toSeconds() + "`";
  }

  private static void method(Markdown md, RuntimeOptions options) {
    md.paragraph("One JVM runs local-aws (`LocalAws.start(LocalAws.Settings.defaults().withPort(0))`, the `dev` topology provisioned),"
        + " the runtime and the load. Every phase publishes `restaurant.review.created` events (payload: a `Map` with reviewId,"
        + " restaurantId and rating) on the restaurant bus under a correlation id of its own, and catches them on a private tap"
        + " queue with a rule matching that id in `detail.correlationId`, as the runtime's `EventTap` test fixture does. Tap queues"
        + " are long-polled (10 messages, 1 s wait) by " + options.receivers() + " receiver threads, which delete each receive's"
        + " messages with one DeleteMessageBatch. Every event is also delivered by the topology's own rating and archive rules, so"
        + " the emulator sends three messages per event (those two queues are purged between phases). First "
        + options.warmup().toSeconds() + " s of warm-up traffic at " + RuntimeWarmup.RATE + " events/s, half through a publisher and"
        + " half as single-entry PutEvents, with the receivers passing every other message through the `ReliableConsumer` with the"
        + " guard and only parsing the others, take every path measured later so that the JIT has compiled them; the warm-up ends"
        + " when the emulator has delivered everything (at most " + options.drain().toSeconds() + " s after the last call). The"
        + " phases then run in the order 1, 3, 2: the latency phase last, because a rate the pipeline cannot hold leaves a backlog"
        + " behind (in the emulator and the tap queue) that would weigh on whatever came next.");
    md.paragraph("**1. Publisher throughput.** " + options.threads() + " threads share " + number(options.events(), 0) + " events per"
        + " variant and each calls as fast as its calls return. The publisher variant calls `EventBridgePublisher.publish(type, payload)`,"
        + " which queues the event and returns; its " + options.publisherSenders() + " sender threads batch up to 10 entries per"
        + " PutEvents call. The naive variant builds the same envelope with the same `EventFactory` and sends the entry"
        + " `PutEventsSender.prepare(envelope).entry()` gives (same detail, source, detail-type and bus) with one"
        + " `EventBridgeClient.putEvents` call per event, on the same client the publisher uses. Each variant's time runs from"
        + " the first publish call until the last of its events arrived on its tap (distinct eventIds counted), so both include"
        + " delivery by the emulator. The variants alternate in halves (publisher, naive, publisher, naive); each half has a"
        + " correlation id and tap of its own, starts once the emulator's counters stand still and waits (at most 60 s after its"
        + " calls returned) until all its events arrived; events/s is all events over the sum of both halves. The mean batch size is the mean of the publisher's `bellyfed.events.batch.size`"
        + " DistributionSummary in a `SimpleMeterRegistry` of its own. Arrival includes the emulator's delivery, which puts the"
        + " deliveries of one PutEvents call to the same queue into it together, in-process (docs/decisions.md, decision 3): the"
        + " naive loop pays one delivery task per event there, as well as one PutEvents per event; the \"publish calls returned"
        + " after\" column shows the client side alone.");
    md.paragraph("**2. Publish-to-consume latency.** For each rate a fresh publisher (defaults) is fed by one scheduler thread that"
        + " ticks at the rate for " + options.measure().toSeconds() + " s and " + options.senders() + " threads that make one"
        + " `publish()` call per tick, writing the `System.nanoTime()` of the call's start into the payload (`sentNanos`; calls"
        + " still queued " + ConsumeLatency.SEND_GRACE.toSeconds() + " s after the last tick are not made). The receivers pass every"
        + " message to `ReliableConsumer.handle` with a consumer name of the rate's own and an `IdempotencyGuard` on"
        + " `processed-events`; the handler records `System.nanoTime()` − `sentNanos` (HdrHistogram, µs, 3 significant digits), so"
        + " latency covers envelope building, the publisher's buffer and batching, PutEvents through the edge, rule matching and"
        + " delivery by the emulator, SQS, the long poll and the guard's GetItem. The rate counts as held when every scheduled call"
        + " was made at ≥ 99 % of the rate, every published event was handled within the " + options.drain().toSeconds() + " s"
        + " drain, and events were handled at ≥ 95 % of the rate from the first tick to the last handler; the sender-lag column shows"
        + " how late calls started against the schedule. The percentiles cover the events handled; events still unhandled when the"
        + " drain ended would only have added later values.");
    md.paragraph("**3. Idempotency guard overhead.** " + number(options.guardMessages(), 0) + " events are built with the same"
        + " factory and wrapped as the EventBridge events a rule delivers to SQS; the same bodies are sent beforehand (SendMessageBatch,"
        + " not measured) to one queue per variant and half. The baseline handles a message by reading the EventBridge event and the"
        + " envelope in its detail (Jackson + `EnvelopeJson`, what `ReliableConsumer` does before anything else) and deleting it;"
        + " the guarded variant calls `ReliableConsumer.handle` with an empty handler, which adds the guard's consistent GetItem"
        + " before and PutItem after the handler (plus the consumer's MDC, metrics and heartbeat bookkeeping), and deletes. Both use"
        + " " + options.receivers() + " receivers and alternate in halves (baseline, guarded, baseline, guarded). Per message is the"
        + " time of the handling call alone; receivers' busy time per message adds receive and delete (time of receives that"
        + " returned messages over the messages they returned, averaged over receivers); messages/s is over the wall time from"
        + " the first receive to the last delete. Then GetItem (consistent) and PutItem of the guard's item shape run on their own on"
        + " `processed-events` with the guard's client from " + options.receivers() + " threads for " + options.dynamoDb().toSeconds()
        + " s, each pair on a fresh key: that is what the guard adds per message.");
    md.paragraph("Clients, runtime and emulators share the same cores, and other processes on a shared machine move figures a lot"
        + " between runs, so compare figures from the same run, and read them with the load average above.");
  }

  private static void warmup(Markdown md, RuntimeWarmup warmup, RuntimeOptions options) {
    md.heading(2, "0. Warm-up (not a measurement)");
    md.table(
        List.of("duration", "rate/s", "calls made / scheduled", "events accepted", "errors", "messages handled (the rest went with the tap queue)",
            "emulator delivered everything"),
        List.of(List.of(
            options.warmup().toSeconds() + " s", String.valueOf(RuntimeWarmup.RATE),
            number(warmup.sending().sent(), 0) + " / " + number(warmup.sending().scheduled(), 0), number(warmup.accepted(), 0),
            number(warmup.sending().errors() + warmup.receiverErrors(), 0), number(warmup.handled(), 0), yesNo(warmup.settled()))));
    if (warmup.firstError() != null) {
      md.bullets(List.of("first error: `" + warmup.firstError() + "`"));
    }
  }

  private static void throughput(Markdown md, PublisherThroughput throughput, RuntimeOptions options) {
    md.heading(2, "1. Publisher throughput against a naive loop, " + number(options.events(), 0) + " events each, " + options.threads() + " threads");
    PublisherThroughput.Variant publisher = throughput.publisher();
    PublisherThroughput.Variant naive = throughput.naive();
    PublisherMeters meters = throughput.meters();
    md.table(
        List.of("variant", "events/s (first publish → last arrival)", "events arrived", "all arrived", "duplicates", "errors",
            "PutEvents calls", "events per call", "publish calls returned after", "first publish → last arrival"),
        List.of(
            List.of("`EventBridgePublisher`, " + options.publisherSenders() + " senders", number(publisher.eventsPerSecond(), 0),
                number(publisher.arrived(), 0) + " / " + number(publisher.events(), 0), yesNo(publisher.complete()),
                number(publisher.duplicates(), 0), number(publisher.errors(), 0), number(meters.putEventsCalls(), 0),
                number(meters.meanBatchSize(), 2), seconds(publisher.handedOver()) + " s", seconds(publisher.elapsed()) + " s"),
            List.of("naive: one `putEvents` per event", number(naive.eventsPerSecond(), 0),
                number(naive.arrived(), 0) + " / " + number(naive.events(), 0), yesNo(naive.complete()),
                number(naive.duplicates(), 0), number(naive.errors(), 0), number(naive.calls(), 0), "1.00",
                seconds(naive.handedOver()) + " s", seconds(naive.elapsed()) + " s"),
            List.of("publisher / naive", number(publisher.eventsPerSecond() / naive.eventsPerSecond(), 2) + "×", "", "", "", "",
                number((double) meters.putEventsCalls() / naive.calls(), 2) + "×", "", "", "")));
    List<List<String>> halves = new ArrayList<>();
    for (int i = 0; i < publisher.rounds().size(); i++) {
      halves.add(half(i + 1, "publisher", publisher.rounds().get(i)));
      halves.add(half(i + 1, "naive", naive.rounds().get(i)));
    }
    md.paragraph("The halves, in the order they ran:");
    md.table(List.of("half", "variant", "events", "arrived", "publish calls returned after", "first publish → last arrival", "events/s"), halves);
    md.paragraph("The publisher's own meters over both halves (`SimpleMeterRegistry`):");
    md.table(
        List.of("`bellyfed.events.batch.size` mean", "max", "PutEvents calls", "call mean ms", "call max ms", "published", "failed attempts",
            "spilled to the outbox", "dropped"),
        List.of(List.of(
            number(meters.meanBatchSize(), 2), number(meters.maxBatchSize(), 0), number(meters.putEventsCalls(), 0),
            number(meters.meanCallMillis(), 2), number(meters.maxCallMillis(), 1), number(meters.published(), 0),
            number(meters.failedAttempts(), 0), number(meters.spilled(), 0), number(meters.dropped(), 0))));
    String error = publisher.firstError() != null ? publisher.firstError() : naive.firstError();
    if (error != null) {
      md.bullets(List.of("first error: `" + error + "`"));
    }
  }

  private static List<String> half(int number, String variant, PublisherThroughput.Round round) {
    return List.of(String.valueOf(number), variant, number(round.events(), 0), number(round.arrived(), 0), seconds(round.handedOver()) + " s",
        seconds(round.elapsed()) + " s", number(round.arrived() / (Math.max(1, round.elapsed().toNanos()) / 1e9), 0));
  }

  private static void latency(Markdown md, List<ConsumeLatency> latencies, GuardOverhead guard, RuntimeOptions options) {
    md.heading(2, "2. Publish-to-consume latency at a fixed rate, " + options.measure().toSeconds() + " s per rate, " + options.receivers() + " receivers");
    List<List<String>> rows = new ArrayList<>();
    for (ConsumeLatency row : latencies) {
      LatencySummary latency = row.latency();
      PacedSender.Result sending = row.sending();
      rows.add(List.of(
          number(row.rate(), 0), number(sending.sent(), 0) + " / " + number(sending.scheduled(), 0), number(row.meters().published(), 0),
          number(row.handled(), 0), yesNo(row.handled() == sending.sent()), number(row.duplicates(), 0),
          number(row.publishedPerSecond(), 0), number(row.handledPerSecond(), 0),
          number(latency.p50(), 2), number(latency.p90(), 2), number(latency.p99(), 2), number(latency.max(), 1),
          number(sending.lag().p99(), 2), number(row.meters().meanBatchSize(), 2), number(row.maxUndelivered(), 0), number(row.maxQueued(), 0),
          number(sending.errors() + row.receiverErrors() + row.otherOutcomes(), 0), yesNo(row.rateHeld())));
    }
    md.table(List.of("rate/s", "publish calls / scheduled", "accepted by PutEvents", "handled", "received == sent", "duplicates",
        "published/s", "handled/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "sender lag p99 ms", "mean batch",
        "most not yet delivered to the tap", "most waiting in the tap queue", "errors", "rate held"), rows);
    md.paragraph("The two backlog columns are sampled every 200 ms: events PutEvents accepted that the emulator had not yet delivered"
        + " to the tap queue, and messages in the tap queue waiting for a receiver. When a rate is not held, the larger one shows"
        + " which side fell behind.");
    List<String> notes = new ArrayList<>();
    for (ConsumeLatency row : latencies) {
      String rate = "at " + number(row.rate(), 0) + "/s";
      if (!row.rateHeld()) {
        notes.add(rate + " the rate was not held: up to " + number(row.maxUndelivered(), 0) + " events waited in the emulator and up to "
            + number(row.maxQueued(), 0) + " messages in the tap queue, which " + options.receivers() + " receivers emptied at "
            + number(row.handledPerSecond(), 0) + " messages/s (section 3: " + number(guard.guarded().messagesPerSecond(), 0)
            + " messages/s with the guard and nothing else running); " + number(row.handled(), 0) + " of "
            + number(row.sending().sent(), 0) + " events were handled by the end of the " + options.drain().toSeconds() + " s drain");
      }
      PublisherMeters meters = row.meters();
      if (meters.spilled() > 0 || meters.dropped() > 0 || meters.failedAttempts() > 0) {
        notes.add(rate + " the publisher spilled " + meters.spilled() + ", dropped " + meters.dropped() + " and retried "
            + meters.failedAttempts() + " events");
      }
      if (row.sending().firstError() != null) {
        notes.add(rate + " first publish error: `" + row.sending().firstError() + "`");
      }
    }
    if (!notes.isEmpty()) {
      md.bullets(notes);
    }
  }

  private static void guard(Markdown md, GuardOverhead guard, RuntimeOptions options) {
    md.heading(2, "3. Idempotency guard overhead, " + number(guard.messages(), 0) + " messages per variant, " + options.receivers() + " receivers");
    GuardOverhead.Variant baseline = guard.baseline();
    GuardOverhead.Variant guarded = guard.guarded();
    md.table(
        List.of("variant", "handled", "errors", "per message µs (mean)", "p50 µs", "p90 µs", "p99 µs", "max µs",
            "receivers' busy µs per message", "messages/s"),
        List.of(
            variantRow("baseline: parse envelope + delete", baseline),
            variantRow("`ReliableConsumer.handle` with the guard + delete", guarded),
            List.of("difference (guard − baseline)", "", "", signed(guard.overheadMicros()),
                signed(micros(guarded.perMessage(), 50) - micros(baseline.perMessage(), 50)),
                signed(micros(guarded.perMessage(), 90) - micros(baseline.perMessage(), 90)),
                signed(micros(guarded.perMessage(), 99) - micros(baseline.perMessage(), 99)), "",
                signed(guarded.busyMicrosPerMessage() - baseline.busyMicrosPerMessage()),
                number(guarded.messagesPerSecond() / baseline.messagesPerSecond(), 2) + "×")));
    GuardOverhead.DynamoDbCalls dynamoDb = guard.dynamoDb();
    GuardOverhead.Calls edge = dynamoDb.edge();
    md.paragraph("The guard's two DynamoDB calls measured on their own in the same run, " + dynamoDb.threads() + " threads, "
        + options.dynamoDb().toSeconds() + " s, through the edge with the guard's client (what the guard adds; local-aws's"
        + " DynamoDB engine answers on the edge itself, so there is no further hop to tell apart):");
    md.table(
        List.of("route", "call", "calls", "errors", "calls/s", "mean µs", "p50 µs", "p90 µs", "p99 µs", "max µs"),
        List.of(
            histogramRow("edge (as the guard)", "GetItem (consistent read)", edge.get(), "", ""),
            histogramRow("edge (as the guard)", "PutItem", edge.put(), "", ""),
            histogramRow("edge (as the guard)", "GetItem + PutItem", edge.pairs().latencyMicros(), number(edge.pairs().errors(), 0),
                number(edge.pairs().callsPerSecond(), 0))));
    double calls = edge.pairs().latencyMicros().getMean();
    md.bullets(List.of(
        "the guard adds " + signed(guard.overheadMicros()) + " µs per message (mean of the handling call); its GetItem + PutItem on their"
            + " own take " + number(calls, 0) + " µs, so " + signed(guard.overheadMicros() - calls) + " µs is the rest of"
            + " `ReliableConsumer.handle` (MDC, meters, heartbeat scheduling) and the difference in load: in the consumer the two calls"
            + " compete with the receivers' receives and deletes, on their own they do not",
        "per message including receive and delete, the receivers spent " + number(guarded.busyMicrosPerMessage(), 0) + " µs with the guard"
            + " against " + number(baseline.busyMicrosPerMessage(), 0) + " µs without; throughput went from "
            + number(baseline.messagesPerSecond(), 0) + " to " + number(guarded.messagesPerSecond(), 0) + " messages/s"));
  }

  private static List<String> variantRow(String name, GuardOverhead.Variant variant) {
    Histogram histogram = variant.perMessage();
    return List.of(name, number(variant.handled(), 0), number(variant.errors(), 0), number(variant.meanMicros(), 0),
        number(micros(histogram, 50), 0), number(micros(histogram, 90), 0), number(micros(histogram, 99), 0),
        number(histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue(), 0),
        number(variant.busyMicrosPerMessage(), 0), number(variant.messagesPerSecond(), 0));
  }

  private static List<String> histogramRow(String route, String call, Histogram histogram, String errors, String perSecond) {
    boolean empty = histogram.getTotalCount() == 0;
    return List.of(route, call, number(histogram.getTotalCount(), 0), errors, perSecond, number(empty ? Double.NaN : histogram.getMean(), 0),
        number(micros(histogram, 50), 0), number(micros(histogram, 90), 0), number(micros(histogram, 99), 0),
        number(empty ? Double.NaN : histogram.getMaxValue(), 0));
  }

  private static double micros(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile);
  }

  private static String yesNo(boolean yes) {
    return yes ? "yes" : "**no**";
  }

  private static String signed(double value) {
    return (value >= 0 ? "+" : "") + number(value, 0);
  }

  private static String millis(Duration duration) {
    return number(duration.toNanos() / 1e6, 0) + " ms";
  }

  private static String seconds(Duration duration) {
    return number(duration.toNanos() / 1e9, 2);
  }
}
