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
  record Result(Throughput raw, Throughput service, CpuShares.Phase cpu) {}

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
    System.out.printf("GET by id: warm-up %d s per side%n", warmup.toSeconds());
    ClosedLoop.run("get-warm", clients, warmup, service);
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
    return new Result(rawTotal, serviceTotal, phase);
  }

}
