package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.restaurantsIn;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.restaurantJson;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.uniqueCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starting and cancelling imports is limited per user and per client address (issue 18): a burst over
 * a limit gets 429 problems with {@code Retry-After} and starts nothing, reads are not limited, and the
 * limit recovers. The limits are the test's ({@code @ImportServiceTest}: 60 per user, 120 per address,
 * every 5 s); the requests of a burst are cheap refusals (an unknown type: 400), which count as any
 * other. Each test waits for its limit to recover, so the tests after it are not limited.
 */
@ImportServiceTest
class ImportRateLimitIntegrationTests {

  private static final int PER_USER = 60;
  private static final int PER_ADDRESS = 120;

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;

  @Test
  void aBurstOverTheUserLimitGets429WithRetryAfterStartsNothingAndTheLimitRecovers(LocalAws localAws) {
    ImportApi admin = ImportApi.asAdmin(port, localAws);
    ImportApi burster = ImportApi.as(port, localAws.signIn("rate-limited-" + UUID.randomUUID(), "admin").accessToken());

    Burst burst = burstUntilRefused(List.of(burster), 3 * PER_USER);

    // A limiter's period may turn during the burst: at least one full period's worth got through first.
    assertThat(burst.accepted()).isGreaterThanOrEqualTo(PER_USER);
    assertTooManyRequests(burst.refusal(), 5);
    String city = uniqueCity();
    HttpApi.Answer refusedImport = burster.post("restaurants", "application/x-ndjson", restaurantJson("Limited", city, 1));
    if (refusedImport.status() == 429) {
      assertThat(restaurantsIn(dynamoDb, topology, city)).as("a refused import starts nothing").isZero();
    }
    // Reads are not limited.
    for (int i = 0; i < 10; i++) {
      assertThat(burster.get("/api/imports?limit=1").status()).isEqualTo(200);
    }
    if (burst.accepted() < PER_ADDRESS) {
      // Other users have limits of their own (while the address, which counted only the accepted requests, has room).
      assertThat(admin.send("POST", "/api/imports?type=nothing", "{}", "Content-Type", "application/x-ndjson").status()).isEqualTo(400);
    }

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(burster.send("POST", "/api/imports?type=nothing", "{}", "Content-Type", "application/x-ndjson").status()).isEqualTo(400));
  }

  @Test
  void aBurstOverTheAddressLimitFromManyUsersGets429AndTheLimitRecovers(LocalAws localAws) {
    List<ImportApi> users = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      users.add(ImportApi.as(port, localAws.signIn("rate-limited-" + UUID.randomUUID(), "admin").accessToken()));
    }

    // Four users taking turns: none comes near their own 60, together they pass the address's 120.
    Burst burst = burstUntilRefused(users, 3 * PER_ADDRESS);

    // The address's count includes whatever else this test JVM sent from 127.0.0.1 in the same period (the
    // previous test's last request, say), so fewer than PER_ADDRESS of the burst's may get through; but more
    // than one user's limit did, while no user came near their own: the refusal is the address's.
    assertThat(burst.accepted()).isGreaterThan(PER_USER);
    assertThat(burst.accepted() / users.size()).isLessThan(PER_USER);
    assertTooManyRequests(burst.refusal(), 5);

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(users.get(0).delete("/api/imports/" + UUID.randomUUID()).status()).isEqualTo(404));
  }

  private record Burst(int accepted, HttpApi.Answer refusal) {}

  /** Cheap writes, users taking turns, until the first 429 (or {@code most} requests, which fails the test). */
  private static Burst burstUntilRefused(List<ImportApi> users, int most) {
    for (int i = 0; i < most; i++) {
      ImportApi user = users.get(i % users.size());
      HttpApi.Answer answer = i % 2 == 0
          ? user.send("POST", "/api/imports?type=nothing", "{}", "Content-Type", "application/x-ndjson")
          : user.delete("/api/imports/" + UUID.randomUUID());
      if (answer.status() == 429) {
        return new Burst(i, answer);
      }
      assertThat(answer.status()).as(answer.body()).isIn(400, 404);
    }
    throw new AssertionError("No 429 after " + most + " requests");
  }

  private static void assertTooManyRequests(HttpApi.Answer refusal, long period) {
    assertThat(refusal.status()).isEqualTo(429);
    assertThat(refusal.contentType()).isEqualTo("application/problem+json");
    assertThat(refusal.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:too-many-requests");
    assertThat(refusal.json().path("detail").asString()).isNotBlank();
    assertThat(Long.parseLong(refusal.firstHeader("Retry-After").orElseThrow())).isBetween(1L, period);
  }
}
