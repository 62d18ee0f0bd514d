package com.bellyfed.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.EventTap;
import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.outbox.OutboxRow.OutboxState;
import com.bellyfed.events.publishing.PutEventsSender;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/*
 * The tests run concurrently with each other (never with another class: the class itself stays in the same
 * thread): each has an outbox table, relay, tap (its own correlation id) and registry of its own, and none
 * injects a fault; what they mostly do is wait for sweeps, leases and the tap's quiet second.
 */
@LocalAwsTest
class OutboxRelayIntegrationTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void publishesRowsRightAfterTheirTransactionCommittedAndDeletesThem(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    OutboxStore outbox = RuntimeFixtures.privateOutbox(localAws);
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        OutboxRelay relay = relay(localAws, outbox, localAws.topology(), settings(Duration.ofSeconds(30), 10))) {
      List<EventEnvelope> committed = List.of(review(correlationId, 1), review(correlationId, 2));
      writeWithEntity(localAws, outbox, committed);

      relay.relayCommitted(committed);

      assertThat(tap.await(2, Duration.ofSeconds(10))).extracting(EventEnvelope::eventId)
          .containsExactlyInAnyOrderElementsOf(committed.stream().map(EventEnvelope::eventId).toList());
      await().atMost(Duration.ofSeconds(5)).until(() -> outbox.oldestPending().isEmpty());
      assertThat(tap.more()).isEmpty();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void publishesRowsCommittedByManyConcurrentRequestsExactlyOnce(LocalAws localAws) throws Exception {
    String correlationId = UUID.randomUUID().toString();
    OutboxStore outbox = RuntimeFixtures.privateOutbox(localAws);
    List<EventEnvelope> committed = IntStream.range(0, 200).mapToObj(n -> review(correlationId, n)).toList();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        OutboxRelay relay = relay(localAws, outbox, localAws.topology(), settings(Duration.ofSeconds(30), 10))) {
      ExecutorService requests = Executors.newFixedThreadPool(16);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (EventEnvelope event : committed) {
          done.add(requests.submit(() -> {
            writeWithEntity(localAws, outbox, List.of(event));
            relay.relayCommitted(List.of(event));
          }));
        }
        for (Future<?> request : done) {
          request.get();
        }
      } finally {
        requests.shutdownNow();
      }

      assertThat(tap.await(200, Duration.ofSeconds(60))).extracting(EventEnvelope::eventId)
          .containsExactlyInAnyOrderElementsOf(committed.stream().map(EventEnvelope::eventId).toList());
      await().atMost(Duration.ofSeconds(10)).until(() -> outbox.oldestPending().isEmpty());
      assertThat(tap.more()).isEmpty();
      assertThat(registry.get("bellyfed.outbox.relayed").counter().count()).isEqualTo(200);
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void leavesCommittedRowsToTheSweeperWhenTheFastPathIsFull(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    OutboxStore outbox = RuntimeFixtures.privateOutbox(localAws);
    List<EventEnvelope> committed = IntStream.range(0, 50).mapToObj(n -> review(correlationId, n)).toList();
    writeWithEntity(localAws, outbox, committed);
    OutboxSettings oneSlot = new OutboxSettings(Duration.ofSeconds(30), Duration.ZERO, Duration.ofMillis(200), 100, 10, 1, 1);

    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        OutboxRelay relay = relay(localAws, outbox, localAws.topology(), oneSlot)) {
      relay.relayCommitted(committed);
      assertThat(registry.get("bellyfed.outbox.fastpath.deferred").counter().count()).isPositive();

      relay.start();

      assertThat(tap.await(50, Duration.ofSeconds(30))).extracting(EventEnvelope::eventId)
          .containsExactlyInAnyOrderElementsOf(committed.stream().map(EventEnvelope::eventId).toList());
      await().atMost(Duration.ofSeconds(10)).until(() -> outbox.oldestPending().isEmpty());
      assertThat(tap.more()).isEmpty();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void republishesRowsWhoseLeaseExpired(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    OutboxStore outbox = RuntimeFixtures.privateOutbox(localAws);
    EventEnvelope orphan = review(correlationId, 1);
    writeWithEntity(localAws, outbox, List.of(orphan));

    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        OutboxRelay survivor = relay(localAws, outbox, localAws.topology(), settings(Duration.ofSeconds(30), 10))) {
      // A relay that claimed the row and died before publishing it; claimed right before the survivor's
      // sweep, so that the 2 s lease surely lasts until it, however slow setting up the tap was.
      assertThat(outbox.claim(orphan.eventId(), "crashed-relay", Duration.ofSeconds(2))).isTrue();
      assertThat(survivor.sweep()).as("the lease still protects the row").isZero();

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> survivor.sweep() == 1);

      assertThat(tap.await(1, Duration.ofSeconds(10))).extracting(EventEnvelope::eventId).containsExactly(orphan.eventId());
      assertThat(outbox.oldestPending()).isEmpty();
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void rowThatKeepsFailingBecomesFailedIsCountedAndCanBeResubmitted(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    OutboxStore outbox = RuntimeFixtures.privateOutbox(localAws);
    EventEnvelope event = review(correlationId, 1);
    writeWithEntity(localAws, outbox, List.of(event));
    // The staging buses do not exist in the dev local-aws: EventBridge fails the entry every time.
    Topology missingBuses = Topology.bellyfed(Environment.STAGING);

    try (OutboxRelay doomed = relay(localAws, outbox, missingBuses, settings(Duration.ofSeconds(30), 2))) {
      doomed.sweep();
      assertThat(doomed.sweep()).as("the row rests a second after its first failure").isZero();
      assertThat(outbox.failed(10)).isEmpty();
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> {
            doomed.sweep();
            return !outbox.failed(10).isEmpty();
          });

      assertThat(outbox.oldestPending()).isEmpty();
      List<OutboxRow> failed = outbox.failed(10);
      assertThat(failed).singleElement().satisfies(row -> {
        assertThat(row.envelope().eventId()).isEqualTo(event.eventId());
        assertThat(row.state()).isEqualTo(OutboxState.FAILED);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.lastError()).contains("does not exist");
      });
      assertThat(registry.get("bellyfed.outbox.failed").counter().count()).isEqualTo(1);
      doomed.sweep();
      assertThat(registry.get("bellyfed.outbox.failed.rows").gauge().value()).as("the FAILED rows gauge").isEqualTo(1);
    }

    assertThat(outbox.resubmit(event.eventId())).isTrue();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        OutboxRelay healthy = relay(localAws, outbox, localAws.topology(), settings(Duration.ofSeconds(30), 2))) {
      assertThat(healthy.sweep()).isEqualTo(1);
      assertThat(tap.await(1, Duration.ofSeconds(10))).extracting(EventEnvelope::eventId).containsExactly(event.eventId());
      assertThat(outbox.failed(10)).isEmpty();
    }
  }

  private OutboxRelay relay(LocalAws localAws, OutboxStore outbox, Topology topology, OutboxSettings settings) {
    PutEventsSender sender = RuntimeFixtures.sender(localAws, RuntimeFixtures.quickBreaker(), topology);
    return new OutboxRelay(outbox, sender, settings, Clock.systemUTC(), registry);
  }

  private static OutboxSettings settings(Duration lease, int maxAttempts) {
    return new OutboxSettings(lease, Duration.ZERO, Duration.ofMillis(200), 100, maxAttempts);
  }

  private static EventEnvelope review(String correlationId, int n) {
    return Correlation.with(correlationId, null, () -> RuntimeFixtures.factory().create(
        "restaurant.review.created", Map.of("reviewId", "review-" + n, "restaurantId", "outbox-test", "rating", 4)));
  }

  /** The entity and its outbox rows in one DynamoDB transaction, as a service writes them. */
  private static void writeWithEntity(LocalAws localAws, OutboxStore outbox, List<EventEnvelope> events) {
    String restaurants = localAws.topology().table("restaurants").name();
    TransactWriteItem entity = TransactWriteItem.builder()
        .put(put -> put.tableName(restaurants).item(Map.of(
            "restaurantId", AttributeValue.fromS("outbox-test-" + UUID.randomUUID()),
            "name", AttributeValue.fromS("Outbox Bistro"))))
        .build();
    List<TransactWriteItem> items = new java.util.ArrayList<>(List.of(entity));
    events.forEach(event -> items.add(outbox.transactItem(event)));
    localAws.dynamoDb().transactWriteItems(request -> request.transactItems(items));
  }
}
