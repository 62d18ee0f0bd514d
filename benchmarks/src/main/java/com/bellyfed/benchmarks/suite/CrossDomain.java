package com.bellyfed.benchmarks.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Cross-domain latency: a review POSTed on write-service, its {@code restaurant.review.created} through the restaurant bus
 * and the rating queue to the rating consumer, whose {@code restaurant.rating.updated} (same correlation id) is observed
 * on a tap queue behind a rule on the restaurant bus. Latency runs from the POST's response to the rating event's
 * arrival. A steady run at the target rate, then rising steps until one is not held (the knee).
 */
final class CrossDomain {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** One paced run: what was sent, the latencies, how many rating events arrived and the CPU while it ran. */
  record Run(int rate, Paced.Result sent, Timeline latency, long arrived, CpuShares.Phase cpu, double drainSeconds) {

    /** Accepted reviews whose rating event had not arrived when the wait ended (the patience without any, or 180 s). */
    long missing() {
      return sent.accepted() - arrived;
    }

    Knee.Step step() {
      // Delivered over the run and its drain: what arrives after the offered seconds still counts, slowly.
      return new Knee.Step(rate, arrived / Math.max(sent.seconds(), sent.seconds() + drainSeconds), latency.percentileMs(95));
    }
  }

  record Result(Run steady, List<Run> steps, Knee knee, Timeline raw) {}

  private final Suite suite;
  private final EventBridgeClient eventBridge;
  private final SqsClient sqs;
  private final String adminToken;
  private final List<String> userTokens;
  private final List<String> restaurants = new ArrayList<>();
  /** How long a wait for rating events goes on without a new one. */
  private final Duration patience;

  CrossDomain(Suite suite, EventBridgeClient eventBridge, SqsClient sqs, String adminToken, List<String> userTokens, Duration patience) {
    this.suite = suite;
    this.patience = patience;
    this.eventBridge = eventBridge;
    this.sqs = sqs;
    this.adminToken = adminToken;
    this.userTokens = userTokens;
  }

  Result run(int rate, Duration length, List<Integer> steps, Duration stepLength, Duration warmup, Duration baseline, double p95LimitMs,
      int threads) throws Exception {
    String base = suite.service("write-service").base();
    // Reviews spread over many restaurants, as real ones are: the rating's compare-and-set retries only on the same one.
    ExecutorService creators = Executors.newFixedThreadPool(8);
    List<Future<String>> created = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int number = i;
      created.add(creators.submit(() -> createRestaurant(base, number)));
    }
    for (Future<String> restaurant : created) {
      restaurants.add(restaurant.get());
    }
    creators.shutdown();
    String prefix = "xd-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String bus = suite.topology.bus("restaurant").name();
    String pattern = "{\"detail\":{\"correlationId\":[{\"prefix\":\"" + prefix + "\"}]}}";
    try (Tap tap = Tap.open(eventBridge, sqs, bus, pattern, prefix, body -> body.contains("restaurant.rating.updated"))) {
      if (!warmup.isZero()) {
        System.out.printf("cross-domain: warm-up %d s at %d/s%n", warmup.toSeconds(), Math.max(1, rate / 2));
        paced(tap, base, prefix + "w-", Math.max(1, rate / 2), warmup, threads);
      }
      System.out.printf("cross-domain: raw PutEvents -> SQS baseline, %d s at %d/s%n", baseline.toSeconds(), rate);
      Timeline raw = RawDelivery.measure(eventBridge, sqs, rate, baseline, threads, patience);
      System.out.printf("cross-domain: steady %d s at %d reviews/s%n", length.toSeconds(), rate);
      Run steady = paced(tap, base, prefix + "s-", rate, length, threads);
      List<Run> runs = new ArrayList<>();
      for (int step : steps) {
        System.out.printf("cross-domain: step %d s at %d reviews/s%n", stepLength.toSeconds(), step);
        Run run = paced(tap, base, prefix + step + "-", step, stepLength, threads);
        runs.add(run);
        if (!run.step().held(p95LimitMs)) {
          // The knee is passed: higher steps would only pile up more backlog.
          break;
        }
      }
      return new Result(steady, runs, Knee.of(runs.stream().map(Run::step).toList(), p95LimitMs), raw);
    }
  }

  private Run paced(Tap tap, String base, String prefix, int rate, Duration length, int threads) throws Exception {
    CpuShares cpu = suite.cpu();
    CpuShares.Snapshot before = cpu.take();
    Paced.Result sent = Paced.run(rate, length, threads, sequence -> postReview(base, sequence, prefix + sequence));
    CpuShares.Phase phase = CpuShares.between(before, cpu.take(), Runtime.getRuntime().availableProcessors());
    long ended = System.nanoTime();
    tap.await(prefix, sent.accepted(), patience, Duration.ofSeconds(180));
    double drain = (System.nanoTime() - ended) / 1e9;
    Timeline latency = new Timeline();
    long arrived = 0;
    for (int i = 0; i < sent.answeredNanos().length; i++) {
      Long at = tap.arrivals().get(prefix + i);
      if (at != null && sent.answeredNanos()[i] != 0) {
        arrived++;
        latency.add((sent.answeredNanos()[i] - sent.startNanos()) / 1e9, Math.max(1, (at - sent.answeredNanos()[i]) / 1000));
      }
    }
    System.out.printf("  %,d of %,d accepted, %,d rating events, p95 %.1f ms, drained %.1f s after the last send%n", sent.accepted(),
        sent.offered(), arrived, latency.percentileMs(95), drain);
    return new Run(rate, sent, latency, arrived, phase, drain);
  }

  private boolean postReview(String base, int sequence, String correlation) throws Exception {
    String restaurant = restaurants.get(sequence % restaurants.size());
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/restaurants/" + restaurant + "/reviews"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + userTokens.get(sequence % userTokens.size()))
        .header("X-Correlation-Id", correlation).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":" + (1 + sequence % 5) + ",\"dish\":\"laksa\"}")).build();
    int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 201) {
      throw new IllegalStateException("HTTP " + status);
    }
    return true;
  }

  private String createRestaurant(String base, int i) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/restaurants"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminToken)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench " + i + "\",\"city\":\"Ipoh\",\"cuisine\":\"Chinese\",\"address\":\"" + i
            + " Jalan Bench\"}")).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST /api/restaurants answered " + response.statusCode() + ": " + response.body());
    }
    String body = response.body();
    int at = body.indexOf("\"restaurantId\":\"") + 16;
    return body.substring(at, body.indexOf('"', at));
  }
}
