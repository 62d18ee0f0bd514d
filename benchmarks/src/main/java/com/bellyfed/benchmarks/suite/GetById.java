package com.bellyfed.benchmarks.suite;

import com.bellyfed.benchmarks.localaws.ClosedLoop;
import com.bellyfed.benchmarks.localaws.Throughput;
import com.bellyfed.benchmarks.query.QueryServiceBenchmark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

  /** Both sides, and the CPU of each process during the service's rounds. */
  record Result(Throughput raw, Throughput service, CpuShares.Phase cpu, Warmup warmup) {}

  /**
   * How the service was warmed: calls and seconds at {@link #FEW_CLIENTS}, then at the full count until its JIT settled.
   *
   * @param jitShare the compiler threads' share of the service's CPU in the last warm-up window (-1: not known)
   */
  record Warmup(long fewCalls, double fewSeconds, long fullCalls, double fullSeconds, double jitShare) {}

  /** Clients of the first warm-up step: few enough that the service's compiler threads are not crowded out. */
  static final int FEW_CLIENTS = 2;

  /** The full-load warm-up goes on in windows of this length until the JIT's share of the service's CPU falls below {@link #SETTLED}. */
  static final Duration WINDOW = Duration.ofSeconds(5);

  /** The compiler threads' share of the service's CPU below which its JIT counts as settled. */
  static final double SETTLED = 0.10;

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
    Warmup warmed = warm(suite.service("query-service").process().pid(), suite.service("query-service")::cpuNanos, clients, warmup, service);
    System.out.printf("GET by id: raw GetItem warm-up %d s%n", warmup.toSeconds());
    ClosedLoop.run("raw-warm", clients, warmup, raw);
    CpuShares cpu = suite.cpu();
    Duration round = measured.dividedBy(rounds);
    Throughput rawTotal = null;
    Throughput serviceTotal = null;
    CpuShares.Phase phase = null;
    for (int i = 0; i < rounds; i++) {
      Throughput r = ClosedLoop.run("raw-get", clients, round, raw);
      CpuShares.Snapshot before = cpu.take();
      Throughput s = ClosedLoop.run("get", clients, round, service);
      CpuShares.Phase p = CpuShares.between(before, cpu.take(), Runtime.getRuntime().availableProcessors());
      phase = phase == null ? p : phase.plus(p);
      rawTotal = rawTotal == null ? r : rawTotal.plus(r);
      serviceTotal = serviceTotal == null ? s : serviceTotal.plus(s);
      System.out.printf("  round %d: raw %,.0f/s p99 %.2f ms, service %,.0f/s p99 %.2f ms%n", i + 1, r.callsPerSecond(), r.latency().p99(),
          s.callsPerSecond(), s.latency().p99());
    }
    return new Result(rawTotal, serviceTotal, phase, warmed);
  }

  /**
   * Warms the service until its JIT settled, not for a fixed time. HotSpot's compiler threads compete for the process's
   * CPU with its request threads: under 32 clients on a shared 2-core machine they got a few percent of it, the JIT took
   * minutes, and a fixed 10-30 s warm-up measured a half-compiled service (most of its CPU in the compiler threads, about
   * 10 ms of its CPU per GET against about 3 ms once compiled). So first {@code warmup} at {@link #FEW_CLIENTS} clients, then windows at {@code clients}
   * until the compiler threads take under {@link #SETTLED} of the service's CPU, for at most 4 × {@code warmup}.
   */
  static Warmup warm(long pid, java.util.function.LongSupplier processCpuNanos, int clients, Duration warmup, ClosedLoop.Call service)
      throws InterruptedException {
    System.out.printf("GET by id: service warm-up %d s at %d clients, then at %d until its JIT settles%n", warmup.toSeconds(), FEW_CLIENTS, clients);
    Throughput few = ClosedLoop.run("get-warm-few", Math.min(FEW_CLIENTS, clients), warmup, service);
    long fullCalls = 0;
    double fullSeconds = 0;
    double share = -1;
    Duration limit = warmup.multipliedBy(4);
    for (Duration spent = Duration.ZERO; spent.compareTo(limit) < 0; spent = spent.plus(WINDOW)) {
      long jitBefore = JitCompilers.cpuNanos(pid);
      long cpuBefore = processCpuNanos.getAsLong();
      Throughput window = ClosedLoop.run("get-warm", clients, WINDOW, service);
      long jit = JitCompilers.cpuNanos(pid) - jitBefore;
      long cpu = processCpuNanos.getAsLong() - cpuBefore;
      fullCalls += window.calls();
      fullSeconds += window.elapsed().toNanos() / 1e9;
      share = jitBefore < 0 || cpu <= 0 ? -1 : (double) jit / cpu;
      System.out.printf("  warm-up: %,.0f/s, JIT %.0f%% of the service's CPU%n", window.callsPerSecond(), share * 100);
      if (share < SETTLED) {
        break;
      }
    }
    return new Warmup(few.calls(), few.elapsed().toNanos() / 1e9, fullCalls, fullSeconds, share);
  }

}
