package com.bellyfed.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.testing.ProblemWalk;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
/**
 * Walks query-service's error cases over real HTTP and checks that every answer has the one
 * problem shape of service-kit: application/problem+json, a urn:bellyfed:problem type, the status,
 * errors[{field, reason}] for bad input, 503 with Retry-After for an outage.
 */
class QueryProblemsIntegrationTests extends QueryServiceIntegrationTest {

  @Autowired JsonMapper json;

  @AfterEach
  void recover(LocalAws localAws) {
    localAws.faults().clear();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> walk().send("GET", "/api/restaurants?limit=1", null, null).statusCode() == 200);
  }

  @Test
  void namesEveryInvalidParameter() {
    walk().invalid(walk().send("GET", "/api/restaurants?limit=0&sort=popular&minRating=9", null, null), "limit", "sort", "minRating");
    walk().invalid(walk().send("GET", "/api/restaurants?city=%07bell", null, null), "city");
    walk().invalid(walk().send("GET", "/api/restaurants/" + "x".repeat(200), null, null), "id");
    walk().invalid(walk().send("GET", "/api/users/u1/reviews?limit=abc", null, null), "limit");
  }

  @Test
  void refusesAForgedOrOverlongCursor() {
    walk().invalid(walk().send("GET", "/api/restaurants?cursor=eyJrIjoxfQ.c2lnbmF0dXJl", null, null), "cursor");
    walk().invalid(walk().send("GET", "/api/restaurants?cursor=" + "A".repeat(3_000), null, null), "cursor");
  }

  @Test
  void answersUnknownResourcesAndMethods(LocalAws localAws) {
    walk().problem(walk().send("GET", "/api/restaurants/no-such-restaurant", null, null), 404, "not-found");
    // Deny by default (decision 35): paths and methods the service does not name are refused before
    // they are looked up, 401 without a token and 403 with one, where they were 404 and 405.
    walk().problem(walk().send("GET", "/api/no-such-path", null, null), 401, "unauthorized");
    walk().problem(walk().send("DELETE", "/api/restaurants", null, null), 401, "unauthorized");
    String token = localAws.signIn("query-problems-user").accessToken();
    walk().problem(walk().send("DELETE", "/api/restaurants", null, null, "Authorization", "Bearer " + token), 403, "forbidden");
  }

  @Test
  void refusesOversizedAndHostileRequests() {
    walk().problem(walk().hugeHeader("/api/restaurants"), 431, "headers-too-large");
    walk().problem(walk().send("POST", "/api/restaurants", "application/json", "{\"q\":\"" + "x".repeat(40_000) + "\"}"), 413, "payload-too-large");
    walk().problem(walk().claimLength("POST", "/api/restaurants", "application/json", 10_000_000_000L), 413, "payload-too-large");
  }

  @Test
  void answersAnOutageWith503AndRetryAfter(LocalAws localAws) {
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    HttpResponse<String> response = walk().send("GET", "/api/restaurants/any-restaurant", null, null);
    walk().problem(response, 503, "service-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  private @Nullable ProblemWalk walk;

  /** One per test, as JUnit makes one instance per test: the port is known once Spring injected it. */
  private ProblemWalk walk() {
    if (walk == null) {
      walk = new ProblemWalk(port, json);
    }
    return walk;
  }
}
