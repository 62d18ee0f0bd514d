package com.bellyfed.write.writing;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@WriteServiceTest
class EventBridgeOutageIntegrationTests {

  static final int WRITES = 100;

  @LocalServerPort int port;

  @Test
  void everyWriteSucceedsWhileEventBridgeIsDownAndEveryEventArrivesOnceItIsBack(LocalAws localAws) throws Exception {
    // An admin, who may write any user's profile: 100 users without 100 sign-ins.
    Caller api = Caller.admin(port, localAws);
    String correlation = UUID.randomUUID().toString();
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < WRITES; i++) {
      userIds.add("outage-" + UUID.randomUUID());
    }
    try (EventTap tap = EventTap.correlation(localAws, "user", correlation)) {
      List<Answer> answers;
      localAws.faults().inject(Fault.down(AwsService.EVENTS));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Answer>> futures = userIds.stream().map(userId -> pool.submit(() -> api.put(
            "/api/users/" + userId + "/profile", HttpApi.json(Map.of("displayName", "Offline " + userId)), "X-Correlation-Id", correlation)))
            .toList();
        answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
          answers.add(future.get());
        }
      } finally {
        pool.shutdown();
        localAws.faults().clear();
      }
      assertThat(answers).extracting(Answer::status).allSatisfy(status -> assertThat(status).isBetween(200, 299));

      List<EventEnvelope> events = tap.await(WRITES, Duration.ofSeconds(90));
      events.addAll(tap.more());

      assertThat(events).hasSize(WRITES);
      assertThat(events).extracting(EventEnvelope::eventType).containsOnly("user.profile.updated");
      assertThat(events).extracting(event -> event.data().path("userId").asString("")).containsExactlyInAnyOrderElementsOf(userIds);
    }
  }
}
