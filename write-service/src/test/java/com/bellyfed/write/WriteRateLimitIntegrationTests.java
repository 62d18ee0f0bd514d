package com.bellyfed.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.WriteServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Write rate limits per signed-in user and per client address (issue 18; docs/security.md): over a limit,
 * 429 problem with {@code Retry-After}, and the limit recovers. The service's own limits (application.yml)
 * are too large to reach in a test; {@link WriteServiceTest} adds a rule for {@code /api/users/rate-limited-*}
 * with 3 writes per user and 5 per address every 5 s, which only this class calls. Admins write those users'
 * profiles, so that each caller can be a new user.
 */
@WriteServiceTest
// The two share the address's limit: the user's burst first, while the address has all its writes left.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteRateLimitIntegrationTests {

  private static final int PER_USER = 3;

  @LocalServerPort int port;

  @Test
  @Order(1)
  void aBurstOfOneUserGets429WithRetryAfterAndTheLimitRecovers(LocalAws localAws) {
    Caller caller = Caller.admin(port, localAws);

    List<Answer> burst = burst(caller, 20);

    Answer refused = burst.get(burst.size() - 1);
    assertThat(refused.status()).as("a burst of 20 is refused before its end").isEqualTo(429);
    assertThat(burst.subList(0, burst.size() - 1)).extracting(Answer::status).containsOnly(201);
    assertThat(burst.size() - 1).as("writes before the first refusal").isGreaterThanOrEqualTo(PER_USER);
    assertTooManyRequests(refused);

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> write(caller).status() == 201);
  }

  @Test
  @Order(2)
  void usersBehindOneAddressShareItsLimitEachBeforeTheirOwnLimit(LocalAws localAws) {
    // New users writing twice each (below their own limit of 3): the address's 5 per 5 s are used up within a few users.
    List<Answer> all = new ArrayList<>();
    Answer refused = null;
    for (int user = 0; user < 10 && refused == null; user++) {
      Caller caller = Caller.admin(port, localAws);
      for (int i = 0; i < PER_USER - 1 && refused == null; i++) {
        Answer answer = write(caller);
        all.add(answer);
        if (answer.status() == 429) {
          refused = answer;
        }
      }
    }

    assertThat(refused).as("users who each stayed below their own limit were refused for their address").isNotNull();
    assertThat(all.subList(0, all.size() - 1)).extracting(Answer::status).containsOnly(201);
    assertTooManyRequests(refused);
    Caller later = Caller.admin(port, localAws);
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> write(later).status() != 429);
  }

  private static void assertTooManyRequests(Answer refused) {
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:too-many-requests");
    assertThat(refused.json().path("status").asInt()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
  }

  /** Writes until the first 429 (included) or {@code max} writes. */
  private List<Answer> burst(Caller caller, int max) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      Answer answer = write(caller);
      answers.add(answer);
      if (answer.status() == 429) {
        break;
      }
    }
    return answers;
  }

  private Answer write(Caller caller) {
    return caller.put("/api/users/rate-limited-" + UUID.randomUUID() + "/profile", HttpApi.json(Map.of("displayName", "Busy")));
  }
}
