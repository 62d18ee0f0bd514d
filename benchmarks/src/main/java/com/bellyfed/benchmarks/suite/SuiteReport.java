package com.bellyfed.benchmarks.suite;

import com.bellyfed.benchmarks.Machine;
import com.bellyfed.benchmarks.Markdown;
import com.bellyfed.benchmarks.Reports;
import com.bellyfed.benchmarks.imports.ImportBenchmark;
import com.bellyfed.benchmarks.localaws.LatencySummary;
import com.bellyfed.benchmarks.localaws.Throughput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** benchmarks/REPORT.md: one table of every target against this run's figures, the charts beside it, the details and the profile. */
final class SuiteReport {

  static final double EVENT_P95_MS = 100;
  static final double REVIEW_P95_MS = 250;
  static final double GET_THROUGHPUT_SHARE = 60;
  static final double IMPORT_RATE_SHARE = 80;
  static final double IMPORT_HEAP_MB = 256;
  static final double SEED_EVENTS_PER_MINUTE = 10_000;
  /** Under this share of the cores taken by other work in every phase, the report calls the machine quiet. */
  static final double QUIET_SHARE = 0.10;

  /** When, where and how the run was made. */
  record Run(Instant started, Machine machine, String arguments, @Nullable String label) {}

  record Results(Run run, Map<String, Duration> startup, List<String> restarts, GetById.Result get, EventFlow.Result events, CrossDomain.Result reviews,
      ImportBenchmark.Comparison imported, CpuShares.Phase importCpu, SuiteBenchmark options) {}

  private SuiteReport() {}

  static void write(Path report, Results results, String loadAfter) throws IOException {
    Path charts = report.toAbsolutePath().getParent().resolve("charts");
    Files.createDirectories(charts);
    Charts.latencyOverTime(charts.resolve("event-latency.png"), "End-to-end event latency: PUT response to analytics event stored, "
        + results.options().eventRate + "/s", results.events().latency().buckets(), EVENT_P95_MS);
    Charts.latencyOverTime(charts.resolve("event-latency-raw.png"), "Baseline: raw PutEvents to SQS on local-aws, " + results.options().eventRate + "/s",
        results.events().raw().buckets(), EVENT_P95_MS);
    Charts.latencyOverTime(charts.resolve("cross-domain-latency.png"), "Cross-domain: review response to restaurant.rating.updated, "
        + results.options().reviewRate + "/s", results.reviews().steady().latency().buckets(), REVIEW_P95_MS);
    Charts.latencyOverTime(charts.resolve("cross-domain-latency-raw.png"), "Baseline: raw PutEvents to SQS on local-aws, " + results.options().reviewRate
        + "/s", results.reviews().raw().buckets(), REVIEW_P95_MS);
    Charts.throughputAgainstLoad(charts.resolve("cross-domain-throughput.png"), "Cross-domain: rating events delivered against reviews offered",
        results.reviews().steps().stream().map(CrossDomain.Run::step).toList(), results.reviews().knee(), "reviews/s");
    double getLimit = 2 * results.get().raw().latency().p99() + 2;
    String limitLabel = "p99 limit " + Verdict.format(getLimit) + " ms (2 × raw p99 + 2)";
    Charts.latencyOverTime(charts.resolve("get-latency.png"), "GET /api/restaurants/{id} at " + results.options().getClients
        + " clients (its rounds)", results.get().serviceLatency().buckets(), getLimit, limitLabel);
    Charts.latencyOverTime(charts.resolve("get-latency-raw.png"), "Baseline: raw GetItem at " + results.options().getClients
        + " clients (its rounds)", results.get().rawLatency().buckets(), getLimit, limitLabel);
    Charts.startup(charts.resolve("startup.png"), results.startup());
    Reports.write(report, markdown(results, loadAfter));
  }

  static List<Verdict> verdicts(Results results) {
    List<Verdict> rows = new ArrayList<>();
    EventFlow.Result events = results.events();
    SuiteBenchmark options = results.options();
    int rate = options.eventRate;
    String rawEvents = String.format(Locale.ROOT, "raw PutEvents→SQS p95 %s ms at %,d/s", Verdict.format(events.raw().percentileMs(95)), rate);
    String eventRun = String.format(Locale.ROOT, "at %,d/s for %d s", rate, options.seconds);
    rows.add(Verdict.under("End-to-end event latency", "p95 < 100 ms at a steady 1,000/s for 60 s", events.latency().percentileMs(95), EVENT_P95_MS,
        "ms", rawEvents).at(eventRun));
    rows.add(Verdict.atMost("End-to-end event latency", "zero loss", events.lost(), 0, "events lost",
        String.format(Locale.ROOT, "%,d stored of %,d acknowledged", events.stored(), events.sent().accepted())).at(eventRun));
    rows.add(Verdict.atLeast("End-to-end event latency", "a steady 1,000/s: every write acknowledged",
        100.0 * events.sent().accepted() / events.sent().offered(), 100, "%",
        String.format(Locale.ROOT, "%,d acknowledged of %,d offered", events.sent().accepted(), events.sent().offered())).at(eventRun));
    // The paced sender schedules on time, but its client threads take the calls one after the other: a slower service
    // stretches the run, so the rate held is what was answered over the time the run really took.
    rows.add(Verdict.atLeast("End-to-end event latency", "a steady 1,000/s: the rate held", events.sent().accepted() / events.sent().seconds(),
        rate, "writes/s", String.format(Locale.ROOT, "%,d acknowledged in %.0f s (offered over %d s)", events.sent().accepted(),
            events.sent().seconds(), options.seconds)).at(eventRun));
    double perMinute = events.stored() / (events.sent().seconds() + events.drainSeconds()) * 60;
    rows.add(Verdict.atLeast("End-to-end event latency", "seed: 10,000 events/min, wide margin", perMinute, SEED_EVENTS_PER_MINUTE, "events/min",
        String.format(Locale.ROOT, "offered %,d/min", rate * 60L)).at("(stored ÷ sending and drain time)"));
    CrossDomain.Result reviews = results.reviews();
    int reviewRate = options.reviewRate;
    rows.add(Verdict.under("Cross-domain latency", "p95 < 250 ms at a steady 100 reviews/s for 60 s", reviews.steady().latency().percentileMs(95),
        REVIEW_P95_MS, "ms", String.format(Locale.ROOT, "raw PutEvents→SQS p95 %s ms at %d/s", Verdict.format(reviews.raw().percentileMs(95)), reviewRate))
        .at(String.format(Locale.ROOT, "at %,d/s for %d s", reviewRate, options.seconds)));
    rows.add(Verdict.recorded("Cross-domain latency", "find and state the knee", "knee " + reviews.knee().describe("reviews/s"),
        "steps " + reviews.steps().stream().map(run -> Integer.toString(run.rate())).reduce((a, b) -> a + ", " + b).orElse("none") + " /s"));
    Throughput raw = results.get().raw();
    Throughput service = results.get().service();
    String clients = "at " + options.getClients + " clients";
    rows.add(Verdict.atLeast("GET restaurant by id", "≥ 60% of raw GetItem throughput at 32 clients",
        100 * service.callsPerSecond() / raw.callsPerSecond(), GET_THROUGHPUT_SHARE, "%",
        String.format(Locale.ROOT, "raw GetItem %,.0f/s; service %,.0f/s", raw.callsPerSecond(), service.callsPerSecond())).at(clients));
    double allowed = 2 * raw.latency().p99() + 2;
    rows.add(Verdict.atMost("GET restaurant by id", "p99 ≤ 2 × raw p99 + 2 ms", service.latency().p99(), allowed, "ms",
        String.format(Locale.ROOT, "raw GetItem p99 %s ms (limit %s ms)", Verdict.format(raw.latency().p99()), Verdict.format(allowed))).at(clients));
    ImportBenchmark.Comparison imported = results.imported();
    String importRun = String.format(Locale.ROOT, "of %,d records", options.importRecords);
    rows.add(Verdict.atLeast("Import", "1,000,000 records at ≥ 80% of the raw BatchWriteItem rate", 100 * imported.servicePerSecond() / imported.rawPerSecond(),
        IMPORT_RATE_SHARE, "%", String.format(Locale.ROOT, "raw %,.0f records/s; service %,.0f records/s", imported.rawPerSecond(),
            imported.servicePerSecond())).at(importRun));
    rows.add(Verdict.atMost("Import", "heap ≤ 256 MB", imported.peakHeapBytes() / 1048576.0, IMPORT_HEAP_MB, "MB", "-Xmx" + options.importHeap)
        .at("peak heap used " + importRun));
    results.startup().forEach((name, time) -> rows.add(Verdict.recorded("Time to ready", name, seconds(time) + " s",
        name.startsWith("suite") ? "local-aws launch to the last service ready" : "launch to ready")));
    return rows;
  }

  /** The table of verdicts, as rows of cells. */
  static List<List<String>> table(List<Verdict> verdicts) {
    return verdicts.stream().map(v -> List.of(v.scenario(), v.target(), v.measured(), v.baseline(), v.ratioText(), v.verdict())).toList();
  }

  private static String markdown(Results results, String loadAfter) {
    Run run = results.run();
    SuiteBenchmark options = results.options();
    Markdown md = new Markdown();
    boolean full = options.fullRun();
    String label = run.label() != null ? run.label() : full ? null : "short run";
    md.heading(1, "Bellyfed performance report" + (label != null ? " (" + label + ")" : ""));
    if (!full) {
      md.paragraph("**A shorter run than the targets name** (" + run.arguments() + "): its figures show the method and a first reading, "
          + "not the targets' steady durations or sizes. The full run is `benchmarks/scripts/report.sh` with no options.");
    }
    md.paragraph("Written by `" + ("benchmarks/scripts/report.sh " + run.arguments()).strip() + "` (the one command: it builds the jars, then runs "
        + "`com.bellyfed.benchmarks.suite.SuiteBenchmark`), started " + run.started().truncatedTo(ChronoUnit.SECONDS) + ". Every figure below and "
        + "its baseline come from this one run.");
    md.paragraph(String.format(Locale.ROOT, "Machine: %d cores (%s), %s, %s. **Load average %s at the start, %s at the end** (1 / 5 / 15 min). "
            + "%s", run.machine().cores(), run.machine().cpu(), run.machine().jvm(), run.machine().os(), run.machine().loadAverage(), loadAfter,
        otherWork(phases(results), run.machine().cores())));
    md.paragraph("Set-up: local-aws runs as its own process (`java -Xmx" + options.localAwsHeap + " -jar local-aws/target/local-aws-exec.jar`, "
        + "dev topology, user pool provisioned); write-, query- and analytics-service from their jars with `-Xmx" + options.serviceHeap
        + "`, import-service with `-Xmx" + options.importHeap + "`, each a resource server of local-aws's user pool (issuer and client id from "
        + "`/_local-aws/health`). Every call carries a real access token from local-aws (`POST /_local-aws/cognito/token`, what "
        + "`local-aws token` calls): writes of profiles and restaurants and the imports an admin's (group `admin`), reviews those of 20 "
        + "users; query's GETs are public. The benchmark's JVM is only the load and the raw baselines, over loopback like the services.");
    md.paragraph("**Rate limits raised for this run:** the write limits are resilience4j rate-limiter configs named by "
        + "`bellyfed.security.rate-limits.rules` (service-kit's `WriteRateLimitFilter`). The run starts write-service with "
        + "`--resilience4j.ratelimiter.configs.writes-per-user.limit-for-period=100000000` and "
        + "`--resilience4j.ratelimiter.configs.writes-per-address.limit-for-period=100000000` (defaults 30 and 120 a minute), and "
        + "import-service with the same for `imports-per-user` and `imports-per-address` (defaults 20 and 60 a minute); the same settings "
        + "work as environment variables (`RESILIENCE4J_RATELIMITER_CONFIGS_WRITES_PER_USER_LIMIT_FOR_PERIOD`, ...). The filter still "
        + "checks every write, so its cost is in the figures.");

    md.heading(2, "Targets");
    md.paragraph("Ratio is measured ÷ target: at most 1 meets an upper bound, at least 1 a lower one. A missed target says by how much; "
        + "its section says what bounds it, from the phase's profile: each process's CPU time (`ProcessHandle`, the kernel's "
        + "`/proc/<pid>/stat`) over the phase's wall time, and the machine's busy share from `/proc/stat`, whose difference is other work "
        + "on the machine.");
    md.table(List.of("scenario", "target", "measured", "baseline (same run)", "ratio", "verdict"), table(verdicts(results)));

    md.heading(2, "Charts");
    md.bullets(List.of(
        "[End-to-end event latency over time](charts/event-latency.png) and [its baseline, raw PutEvents → SQS](charts/event-latency-raw.png)",
        "[Cross-domain latency over time](charts/cross-domain-latency.png) and [its baseline](charts/cross-domain-latency-raw.png)",
        "[Cross-domain throughput against offered load, knee marked](charts/cross-domain-throughput.png)",
        "[GET by id latency over its rounds](charts/get-latency.png) and [its baseline, raw GetItem](charts/get-latency-raw.png)",
        "[Start-up times](charts/startup.png)"));
    md.paragraph("![End-to-end event latency](charts/event-latency.png)\n\n![Cross-domain latency](charts/cross-domain-latency.png)\n\n"
        + "![Cross-domain throughput](charts/cross-domain-throughput.png)\n\n![GET by id latency](charts/get-latency.png)\n\n"
        + "![Start-up](charts/startup.png)");

    events(md, results);
    crossDomain(md, results);
    get(md, results);
    imports(md, results);
    startup(md, results);
    md.heading(2, "Rerun");
    md.paragraph("On a quiet machine, from the project root: `benchmarks/scripts/report.sh` (the full run, about 25 minutes on 2 cores; "
        + "`--skip-build` reuses the jars). `benchmarks/scripts/report.sh --help` lists the options; a short trial: "
        + "`benchmarks/scripts/report.sh --seconds 10 --event-rate 200 --review-rate 20 --step-seconds 5 --get-seconds 8 "
        + "--import-records 20000 --report /tmp/REPORT.md`.");
    return md.toString();
  }

  private static void events(Markdown md, Results results) {
    EventFlow.Result events = results.events();
    md.heading(2, "End-to-end event latency");
    md.paragraph(String.format(Locale.ROOT, "PUT `/api/users/{id}/profile` on write-service, paced at %,d/s for %d s (open loop, %d client threads, "
            + "5,000 users), each with its own `X-Correlation-Id`. The write's analytics event (`USER_WRITE_ANALYTICS`) goes from write-service's "
            + "recorder through PutEvents on the analytics bus, its rule and the analytics queue to analytics-service, which stores it with "
            + "`storedAt` (its clock just before the committing transaction). Latency: `storedAt` − the instant the PUT's response arrived at the "
            + "client (one machine, one clock). Read back from `analytics-events` by the service index after the run; an event not stored when "
            + "the wait ended (%d s without a new one, or 180 s) counts as lost. Warm-up %d s at half the rate.",
        results.options().eventRate, results.options().seconds, results.options().clients, results.options().patienceSeconds, results.options().warmupSeconds));
    md.table(List.of("flow", "offered", "acknowledged", "failed", "stored", "lost", "p50 ms", "p95 ms", "p99 ms", "max ms"), List.of(
        List.of("PUT → analytics event stored", count(events.sent().offered()), count(events.sent().accepted()), count(events.sent().failed()),
            count(events.stored()), count(events.lost()), ms(events.latency().percentileMs(50)), ms(events.latency().percentileMs(95)),
            ms(events.latency().percentileMs(99)), ms(events.latency().maxMs())),
        List.of("baseline: raw PutEvents → SQS", "", count(events.raw().count()), "", "", "", ms(events.raw().percentileMs(50)),
            ms(events.raw().percentileMs(95)), ms(events.raw().percentileMs(99)), ms(events.raw().maxMs()))));
    md.paragraph(String.format(Locale.ROOT, "Writes not acknowledged: %s. The last event was stored %.1f s after the last send. CPU while sending: %s.",
        events.sent().failureText(), events.drainSeconds(), events.cpu().describe()));
    if (!(events.latency().percentileMs(95) < EVENT_P95_MS) || events.lost() > 0 || events.sent().accepted() < events.sent().offered()) {
      md.paragraph("**What bounds it.** " + bound(events.cpu()) + " An event's path: write-service answers, then its analytics recorder "
          + "batches the event into a PutEvents; local-aws matches the analytics rule and sends to the analytics queue; analytics-service "
          + "long-polls it, and its ingest writers commit events with their aggregate rows in TransactWriteItems. The raw baseline is the "
          + "emulator's own share of that path at the same rate.");
    }
  }

  private static void crossDomain(Markdown md, Results results) {
    CrossDomain.Result reviews = results.reviews();
    CrossDomain.Run steady = reviews.steady();
    md.heading(2, "Cross-domain latency");
    md.paragraph(String.format(Locale.ROOT, "POST `/api/restaurants/{id}/reviews` on write-service (20 users, 200 restaurants), paced, each with its "
            + "own correlation id; write-service's outbox relay publishes `restaurant.review.created` on the restaurant bus, the rating rule "
            + "sends it to the rating queue, write-service's rating consumer updates the restaurant's aggregates and commits "
            + "`restaurant.rating.updated` (same correlation id) through the outbox, and a tap queue behind a rule on the restaurant bus "
            + "observes it. Latency: arrival on the tap − the POST's response. Steady run: %d reviews/s for %d s; then steps of %d s, "
            + "rising, stopping at the first step not held (delivered < %.0f%% of offered, or p95 ≥ 250 ms).", results.options().reviewRate,
        results.options().seconds, results.options().stepSeconds, Knee.KEPT_UP * 100));
    List<List<String>> rows = new ArrayList<>();
    rows.add(runRow("steady", steady));
    reviews.steps().forEach(run -> rows.add(runRow("step", run)));
    rows.add(List.of("baseline: raw PutEvents → SQS", Integer.toString(results.options().reviewRate), count(reviews.raw().count()), "", "", "",
        ms(reviews.raw().percentileMs(50)), ms(reviews.raw().percentileMs(95)), ms(reviews.raw().percentileMs(99)), ""));
    md.table(List.of("run", "offered /s", "accepted", "rating events", "missing", "delivered /s", "p50 ms", "p95 ms", "p99 ms", "drain s"), rows);
    md.paragraph("*Missing*: accepted reviews whose rating event had not arrived when the wait ended (" + results.options().patienceSeconds
        + " s without any arrival of the run, or 180 s); *delivered /s*: rating events that arrived ÷ (the run's seconds + its drain).");
    md.paragraph("Reviews not accepted in the steady run: " + steady.sent().failureText() + ".");
    md.paragraph("**Knee: " + reviews.knee().describe("reviews/s") + ".** CPU during the steady run: " + steady.cpu().describe() + "."
        + reviews.knee().firstFailed().flatMap(failed -> reviews.steps().stream().filter(run -> run.rate() == (int) failed.offered()).findFirst())
            .map(run -> " CPU during the first step not held (" + run.rate() + "/s): " + run.cpu().describe() + ".").orElse(""));
    if (!(steady.latency().percentileMs(95) < REVIEW_P95_MS)) {
      md.paragraph("**What bounds it.** " + bound(steady.cpu()) + " Each review costs write-service the review transaction and its outbox "
          + "row, the relay's claim, PutEvents and delete; the rating consumer (`bellyfed.write.rating-concurrency`, 3 handlers) reads the "
          + "restaurant, commits the compare-and-set with the idempotency record and the rating event's outbox row, whose relay publishes it.");
    }
  }

  private static List<String> runRow(String name, CrossDomain.Run run) {
    return List.of(name, Integer.toString(run.rate()), count(run.sent().accepted()), count(run.arrived()), count(run.missing()),
        String.format(Locale.ROOT, "%,.1f", run.step().delivered()), ms(run.latency().percentileMs(50)), ms(run.latency().percentileMs(95)),
        ms(run.latency().percentileMs(99)), String.format(Locale.ROOT, "%.1f", run.drainSeconds()));
  }

  private static void get(Markdown md, Results results) {
    GetById.Result get = results.get();
    md.heading(2, "GET restaurant by id");
    md.paragraph(String.format(Locale.ROOT, "2,000 restaurants written straight to the table; %d closed-loop clients call GET "
            + "`/api/restaurants/{id}` on query-service (analytics on, as deployed) and, in alternating rounds of the same length, GetItem of "
            + "the same items through the SDK (Apache client) on local-aws: %d s each side in 4 rounds. The raw side is warmed for %d s, "
            + "the service for %d s at %d clients and on at that count until the compile queues (C1 and C2, `jcmd <pid> Compiler.queue`) "
            + "of query-service, local-aws and analytics-service held under %d methods (%.0f s of it here), then windows of %d s at %d until "
            + "its JIT settled (compiler threads under %.0f%% of its CPU) and its throughput stopped rising (the last two windows within 5%% "
            + "of the two before): here %s calls in %.0f s, then %s in %.0f s, its compiler threads at "
            + "%s of its CPU at the end; methods still queued when the rounds began: %s. Measured sooner, the service would be measured while "
            + "HotSpot still compiles it, which on a shared 2-core machine takes minutes: the compiler threads get a few percent of the CPU "
            + "beside %d busy request threads, and while the C2 queue is long HotSpot keeps newly hot methods in the interpreter.",
        results.options().getClients, results.options().getSeconds, results.options().getWarmupSeconds,
        results.options().getWarmupSeconds, GetById.FEW_CLIENTS, GetById.BACKLOG, get.warmup().backlogSeconds(),
        GetById.WINDOW.toSeconds(), results.options().getClients,
        GetById.SETTLED * 100, count(get.warmup().fewCalls()), get.warmup().fewSeconds(), count(get.warmup().fullCalls()),
        get.warmup().fullSeconds(), get.warmup().jitShare() < 0 ? "an unknown share (no /proc)"
            : String.format(Locale.ROOT, "%.0f%%", get.warmup().jitShare() * 100), queued(get.warmup().queued()),
        results.options().getClients));
    md.table(List.of("side", "calls", "errors", "per second", "p50 ms", "p90 ms", "p99 ms", "max ms"), List.of(
        getRow("raw GetItem", get.raw()), getRow("GET /api/restaurants/{id}", get.service())));
    md.paragraph("CPU during the service's rounds: " + get.cpu().describe() + ". During the raw rounds: " + get.rawCpu().describe() + ".");
    md.paragraph("CPU per call: each process's CPU time during a side's rounds ÷ the calls it made. A GET's includes what its analytics "
        + "event costs downstream (PutEvents, the rule's SendMessage to the analytics and archive queues, analytics-service's receives, "
        + "deletes and transactions), which the raw GetItem does not have.");
    md.table(List.of("process", "raw GetItem, ms CPU per call", "GET /api/restaurants/{id}, ms CPU per call"), cpuPerCall(get));
    boolean missed = get.service().callsPerSecond() < GET_THROUGHPUT_SHARE / 100 * get.raw().callsPerSecond()
        || get.service().latency().p99() > 2 * get.raw().latency().p99() + 2;
    if (missed) {
      md.paragraph("**What bounds it.** " + bound(get.cpu()) + " A GET is the HTTP request through Tomcat and the security filter chain, "
          + "the same GetItem as the raw side, the JSON answer, and the query-analytics event the service records for each call.");
    }
  }

  /** One row per process and a total: CPU milliseconds per call of each side (cores × 1,000 ÷ calls per second). */
  static List<List<String>> cpuPerCall(GetById.Result get) {
    List<List<String>> rows = new ArrayList<>();
    double rawRate = get.raw().callsPerSecond();
    double serviceRate = get.service().callsPerSecond();
    double rawTotal = 0;
    double serviceTotal = 0;
    for (String process : get.cpu().cores().keySet()) {
      double raw = get.rawCpu().cores().getOrDefault(process, 0.0) * 1000 / rawRate;
      double service = get.cpu().cores().get(process) * 1000 / serviceRate;
      rawTotal += raw;
      serviceTotal += service;
      rows.add(List.of(process, String.format(Locale.ROOT, "%.3f", raw), String.format(Locale.ROOT, "%.3f", service)));
    }
    rows.add(List.of("**all of the suite and the load**", String.format(Locale.ROOT, "**%.3f**", rawTotal),
        String.format(Locale.ROOT, "**%.3f**", serviceTotal)));
    return rows;
  }

  /** "query-service 12, local-aws 40", or "not known" where jcmd could not be asked. */
  static String queued(Map<String, Integer> queued) {
    List<String> known = queued.entrySet().stream().filter(entry -> entry.getValue() >= 0)
        .map(entry -> entry.getKey() + " " + count(entry.getValue())).toList();
    return known.isEmpty() ? "not known (no jcmd)" : String.join(", ", known);
  }

  private static List<String> getRow(String side, Throughput throughput) {
    LatencySummary latency = throughput.latency();
    return List.of(side, count(throughput.calls()), count(throughput.errors()), String.format(Locale.ROOT, "%,.0f", throughput.callsPerSecond()),
        ms(latency.p50()), ms(latency.p90()), ms(latency.p99()), ms(latency.max()));
  }

  private static void imports(Markdown md, Results results) {
    ImportBenchmark.Comparison imported = results.imported();
    md.heading(2, "Import");
    md.paragraph(String.format(Locale.ROOT, "%,d generated %s of about 500 bytes streamed as NDJSON to `POST /api/imports` (admin token) and "
            + "timed until the job is `COMPLETED` with every record written, against the same records parsed by the service's own reader and "
            + "written with BatchWriteItem (25 a call, %d in flight) straight to local-aws, raw side first; %,d records of warm-up each side. "
            + "Peak heap: the highest sum of the service's heap pools sampled every 200 ms from `/actuator/prometheus` during its import "
            + "(`ImportBenchmark.compare`, the same method as [reports/import-service.md](reports/import-service.md)).",
        results.options().importRecords, results.options().importType, results.options().importWriters, results.options().importWarmupRecords));
    md.table(List.of("side", "elapsed s", "records/s", "vs raw", "peak heap MB"), List.of(
        List.of("raw BatchWriteItem", seconds(imported.rawElapsed()), String.format(Locale.ROOT, "%,.0f", imported.rawPerSecond()), "100%", ""),
        List.of("import-service", seconds(imported.serviceElapsed()), String.format(Locale.ROOT, "%,.0f", imported.servicePerSecond()),
            String.format(Locale.ROOT, "%.0f%%", 100 * imported.servicePerSecond() / imported.rawPerSecond()),
            String.format(Locale.ROOT, "%,.0f", imported.peakHeapBytes() / 1048576.0))));
    md.paragraph("CPU over both sides and the warm-up: " + results.importCpu().describe() + ".");
    if (imported.servicePerSecond() < IMPORT_RATE_SHARE / 100 * imported.rawPerSecond()) {
      md.paragraph("**What bounds it.** " + bound(results.importCpu()) + " Beside the same batch writes as the raw side, the service uploads "
          + "the body through HTTP, sends each chunk of ~175 records through SQS (SendMessageBatch, receive, delete), and per chunk reads "
          + "the job, checks and records idempotency and commits the counts in a transaction: about six small calls per seven batch writes, "
          + "all on the same emulated DynamoDB and the same two cores.");
    }
  }

  private static void startup(Markdown md, Results results) {
    md.heading(2, "Start-up");
    md.paragraph("local-aws is launched first and awaited (`/_local-aws/health` UP with its user pool); then the four services are launched "
        + "at once, each timed from its own launch to its readiness probe answering 200 on the management port. The suite's time runs from "
        + "local-aws's launch to the last service ready: what `scripts/run-local.sh` makes a developer wait.");
    List<List<String>> rows = new ArrayList<>();
    results.startup().forEach((name, time) -> rows.add(List.of(name, seconds(time))));
    md.table(List.of("process", "launch to ready, s"), rows);
    if (!results.restarts().isEmpty()) {
      md.paragraph("**Not every service started at the first attempt:** " + String.join("; ", results.restarts())
          + ". The suite's time includes the failed attempt and the second start.");
    }
  }

  /** The profile's verdict on what bounded a phase: the cores' use, the busiest process, and what others took. */
  /** The profiled phases of the run: the GET rounds of both sides, the event flow, the steady reviews and the import. */
  static List<CpuShares.Phase> phases(Results results) {
    return List.of(results.get().cpu(), results.get().rawCpu(), results.events().cpu(), results.reviews().steady().cpu(), results.importCpu());
  }

  /**
   * What other work on the machine took, from the phases' profiles: a report measured beside other builds reads
   * differently from one on a quiet machine, so the header says which this was.
   */
  static String otherWork(List<CpuShares.Phase> phases, int cores) {
    double most = phases.stream().mapToDouble(CpuShares.Phase::others).max().orElse(0);
    String share = String.format(Locale.ROOT, "at most %.2f cores (%.0f%% of the machine) in any phase", most, 100 * most / cores);
    return most / cores < QUIET_SHARE
        ? "Other work on the machine took " + share + ": a quiet machine. The profiles below show it as *other work*."
        : "**Other work on the machine took " + share + "**: the figures compete with it for the cores; the profiles below show it "
            + "as *other work*.";
  }

  static String bound(CpuShares.Phase cpu) {
    double used = cpu.cores().values().stream().mapToDouble(Double::doubleValue).sum();
    String saturation = cpu.machineBusy() >= 0.9
        ? String.format(Locale.ROOT, "The machine's %d cores were %.0f%% busy, so the flow was bound by CPU", cpu.machineCores(), 100 * cpu.machineBusy())
        : String.format(Locale.ROOT, "The machine's %d cores were %.0f%% busy, so CPU alone did not bound it: waits (queues polled, "
            + "transactions, handler concurrency) did", cpu.machineCores(), 100 * cpu.machineBusy());
    return String.format(Locale.ROOT, "%s; the suite and the load used %.2f cores, most of them %s (%.2f), and other work on the machine %.2f.",
        saturation, used, cpu.busiest(), cpu.cores().getOrDefault(cpu.busiest(), 0.0), cpu.others());
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0).replace(" s", "");
  }
}
