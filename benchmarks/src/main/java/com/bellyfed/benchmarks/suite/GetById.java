package com.bellyfed.benchmarks.suite;

import com.bellyfed.benchmarks.localaws.ClosedLoop;
import com.bellyfed.benchmarks.localaws.Throughput;
import com.bellyfed.benchmarks.query.QueryServiceBenchmark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /api/restaurants/{id} of query-service at a number of closed-loop clients, beside the raw GetItem of the same items
 * through the SDK at the same number of clients, in alternating rounds so that both see the same machine.
 */
final class GetById {

  /** Both sides, and the CPU of each process during the service's rounds and during the raw rounds. */
  record Result(Throughput raw, Throughput service, CpuShares.Phase cpu, CpuShares.Phase rawCpu, Warmup warmup, Timeline rawLatency,
      Timeline serviceLatency) {}

  /**
   * How the service was warmed: calls and seconds at {@link #FEW_CLIENTS} (the fixed warm-up, then until the JIT backlog
   * fell), then at the full count until its JIT settled.
   *
   * @param backlogSeconds seconds at {@link #FEW_CLIENTS} spent waiting for the compile queues to fall below {@link #BACKLOG}
   * @param queued methods in each JVM's compile queues when the measured rounds began (-1: not known)
   * @param jitShare the compiler threads' share of the service's CPU in the last warm-up window (-1: not known)
   */
  record Warmup(long fewCalls, double fewSeconds, double backlogSeconds, long fullCalls, double fullSeconds, double jitShare,
      Map<String, Integer> queued) {}

  /** Clients of the first warm-up step: few enough that the service's compiler threads are not crowded out. */
  static final int FEW_CLIENTS = 2;

  /** The full-load warm-up goes on in windows of this length until the JIT's share of the service's CPU falls below {@link #SETTLED}. */
  static final Duration WINDOW = Duration.ofSeconds(5);

  /** The compiler threads' share of the service's CPU below which its JIT counts as settled. */
  static final double SETTLED = 0.10;

  /** Throughput gain between two pairs of warm-up windows under which the service counts as warm. */
  static final double PLATEAU = 0.05;

  /**
   * Methods in a JVM's compile queues (C1 and C2) under which its JIT has caught up. Until then HotSpot keeps newly hot
   * methods in the interpreter, and a JVM measured with thousands queued is measured half interpreted.
   */
  static final int BACKLOG = 100;

  /** The JVMs of a GET: the service, the emulator behind its GetItem and the consumer of its analytics events. */
  static final List<String> JVMS = List.of("query-service", "local-aws", "analytics-service");

  private GetById() {}

  static Result run(Suite suite, DynamoDbClient dynamoDb, int clients, Duration warmup, Duration measured, int rounds) throws Exception {
    String table = suite.topology.table("restaurants").name();
    List<String> ids = QueryServiceBenchmark.seed(dynamoDb, table);
    String base = suite.service("query-service").base();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    ClosedLoop.Call service = (thread, seq) -> {
      String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
      int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/restaurants/" + id)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("GET answered " + status);
      }
      return 1;
    };
    ClosedLoop.Call raw = (thread, seq) -> {
      String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
      if (dynamoDb.getItem(r -> r.tableName(table).key(Map.of("restaurantId", AttributeValue.fromS(id)))).item().isEmpty()) {
        throw new IllegalStateException("no item " + id);
      }
      return 1;
    };
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String jvm : JVMS) {
      pids.put(jvm, jvm.equals("local-aws") ? suite.localAws.pid() : suite.service(jvm).process().pid());
    }
    Warmup warmed = warm(pids, suite.service("query-service")::cpuNanos, clients, warmup, service);
    System.out.printf("GET by id: raw GetItem warm-up %d s%n", warmup.toSeconds());
    ClosedLoop.run("raw-warm", clients, warmup, raw);
    CpuShares cpu = suite.cpu();
    Duration round = measured.dividedBy(rounds);
    Throughput rawTotal = null;
    Throughput serviceTotal = null;
    // Each call's latency by the second of the measured rounds it started in, for the charts; each side's line has
    // gaps where the other side's rounds ran.
    Timeline rawLatency = new Timeline();
    Timeline serviceLatency = new Timeline();
    long measuring = System.nanoTime();
    ClosedLoop.Call timedRaw = timed(raw, rawLatency, measuring);
    ClosedLoop.Call timedService = timed(service, serviceLatency, measuring);
    CpuShares.Phase phase = null;
    CpuShares.Phase rawPhase = null;
    int cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < rounds; i++) {
      CpuShares.Snapshot rawBefore = cpu.take();
      Throughput r = ClosedLoop.run("raw-get", clients, round, timedRaw);
      CpuShares.Snapshot before = cpu.take();
      CpuShares.Phase rp = CpuShares.between(rawBefore, before, cores);
      rawPhase = rawPhase == null ? rp : rawPhase.plus(rp);
      Throughput s = ClosedLoop.run("get", clients, round, timedService);
      CpuShares.Phase p = CpuShares.between(before, cpu.take(), cores);
      phase = phase == null ? p : phase.plus(p);
      rawTotal = rawTotal == null ? r : rawTotal.plus(r);
      serviceTotal = serviceTotal == null ? s : serviceTotal.plus(s);
      System.out.printf("  round %d: raw %,.0f/s p99 %.2f ms, service %,.0f/s p99 %.2f ms%n", i + 1, r.callsPerSecond(), r.latency().p99(),
          s.callsPerSecond(), s.latency().p99());
    }
    return new Result(rawTotal, serviceTotal, phase, rawPhase, warmed, rawLatency, serviceLatency);
  }

  private static ClosedLoop.Call timed(ClosedLoop.Call call, Timeline timeline, long zeroNanos) {
    return (thread, seq) -> {
      long started = System.nanoTime();
      int units = call.run(thread, seq);
      timeline.add((started - zeroNanos) / 1e9, (System.nanoTime() - started) / 1_000);
      return units;
    };
  }

  /**
   * Warms the service until its JIT settled, not for a fixed time. HotSpot's compiler threads compete for the process's
   * CPU with its request threads: under 32 clients on a shared 2-core machine they got a few percent of it, the JIT took
   * minutes, and a fixed 10-30 s warm-up measured a half-compiled service (most of its CPU in the compiler threads, about
   * 10 ms of its CPU per GET against about 3 ms once compiled). So first {@code warmup} at {@link #FEW_CLIENTS} clients,
   * then on at that count until the compile queues of {@link #JVMS} hold under {@link #BACKLOG} methods (for at most
   * 10 × {@code warmup}), then windows at {@code clients} until the compiler threads take under {@link #SETTLED} of the
   * service's CPU and its throughput {@link #plateaued}, for at most 8 × {@code warmup}.
   */
  static Warmup warm(Map<String, Long> pids, java.util.function.LongSupplier processCpuNanos, int clients, Duration warmup, ClosedLoop.Call service)
      throws InterruptedException {
    System.out.printf("GET by id: service warm-up %d s at %d clients, then at %d until its JIT settles%n", warmup.toSeconds(), FEW_CLIENTS, clients);
    int few = Math.min(FEW_CLIENTS, clients);
    Throughput fixed = ClosedLoop.run("get-warm-few", few, warmup, service);
    long fewCalls = fixed.calls();
    double fewSeconds = fixed.elapsed().toNanos() / 1e9;
    double backlogSeconds = 0;
    Map<String, Integer> queued = queued(pids);
    Duration backlogLimit = warmup.multipliedBy(10);
    for (Duration spent = Duration.ZERO; backlogged(queued) && spent.compareTo(backlogLimit) < 0; spent = spent.plus(WINDOW)) {
      System.out.printf("  warm-up: compile queues %s%n", queued);
      Throughput window = ClosedLoop.run("get-warm-backlog", few, WINDOW, service);
      fewCalls += window.calls();
      fewSeconds += window.elapsed().toNanos() / 1e9;
      backlogSeconds += window.elapsed().toNanos() / 1e9;
      queued = queued(pids);
    }
    long queryPid = pids.get("query-service");
    long fullCalls = 0;
    double fullSeconds = 0;
    double share = -1;
    Duration limit = warmup.multipliedBy(8);
    List<Double> rates = new ArrayList<>();
    for (Duration spent = Duration.ZERO; spent.compareTo(limit) < 0; spent = spent.plus(WINDOW)) {
      long jitBefore = JitCompilers.cpuNanos(queryPid);
      long cpuBefore = processCpuNanos.getAsLong();
      Throughput window = ClosedLoop.run("get-warm", clients, WINDOW, service);
      long jit = JitCompilers.cpuNanos(queryPid) - jitBefore;
      long cpu = processCpuNanos.getAsLong() - cpuBefore;
      fullCalls += window.calls();
      fullSeconds += window.elapsed().toNanos() / 1e9;
      share = jitBefore < 0 || cpu <= 0 ? -1 : (double) jit / cpu;
      rates.add(window.callsPerSecond());
      System.out.printf("  warm-up: %,.0f/s, JIT %.0f%% of the service's CPU%n", window.callsPerSecond(), share * 100);
      if (share < SETTLED && plateaued(rates)) {
        break;
      }
    }
    queued = queued(pids);
    System.out.printf("  warm-up done: compile queues %s%n", queued);
    return new Warmup(fewCalls, fewSeconds, backlogSeconds, fullCalls, fullSeconds, share, queued);
  }

  /**
   * True once throughput stopped rising: the last two windows' mean within {@link #PLATEAU} of the two before. The
   * compiler threads' share alone settled too early: in the first full run it fell under 10% after 47 s at 32
   * clients, and the service, measured at 203 GETs/s, still got faster for minutes (measured apart right after: 2.1 ms
   * of its CPU per GET after three minutes of load, 1.3 ms after five).
   */
  static boolean plateaued(List<Double> rates) {
    int n = rates.size();
    if (n < 4) {
      return false;
    }
    double last = (rates.get(n - 1) + rates.get(n - 2)) / 2;
    double before = (rates.get(n - 3) + rates.get(n - 4)) / 2;
    return last <= before * (1 + PLATEAU);
  }

  private static Map<String, Integer> queued(Map<String, Long> pids) {
    Map<String, Integer> queued = new LinkedHashMap<>();
    pids.forEach((name, pid) -> queued.put(name, JitCompilers.queued(pid)));
    return queued;
  }

  /** True while any JVM's queues hold {@link #BACKLOG} or more; a JVM that could not be asked holds nothing back. */
  static boolean backlogged(Map<String, Integer> queued) {
    return queued.values().stream().anyMatch(tasks -> tasks >= BACKLOG);
  }

}
