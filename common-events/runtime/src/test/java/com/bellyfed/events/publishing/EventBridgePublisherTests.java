package com.bellyfed.events.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.standins.InMemoryDynamoDb;
import com.bellyfed.events.standins.InMemoryEventBridge;
import com.bellyfed.events.topology.Topology;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's rules for an event EventBridge did not take (retry, spill to the outbox, drop
 * only when the spill fails too), against EventBridge and the outbox table held in memory.
 * EventBridgePublisherIntegrationTests proves delivery and the spill's relay end to end.
 */
class EventBridgePublisherTests {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemoryEventBridge eventBridge = new InMemoryEventBridge();
  private final InMemoryDynamoDb dynamoDb = new InMemoryDynamoDb();
  private final CircuitBreaker circuit = CircuitBreaker.ofDefaults("eventbridge");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private EventBridgePublisher publisher;

  @AfterEach
  void close() {
    if (publisher != null) {
      publisher.close();
    }
  }

  @Test
  void anEntryEventBridgeKeepsRefusingIsTriedMaxAttemptsTimesThenSpilledToTheOutbox() {
    eventBridge.answer(entry -> "InternalFailure");
    publisher = publisher(new PublisherSettings(100, Duration.ofMillis(100), 1, 3, Duration.ofMillis(1), Duration.ofSeconds(5)));

    EventEnvelope event = publisher.publish("restaurant.review.created", ReviewCreated.review(1));

    await().atMost(WAIT).until(() -> publisher.pending() == 0);
    assertThat(eventBridge.attempts(event.eventId())).isEqualTo(3);
    assertThat(spilled()).containsExactly(event.eventId());
    assertThat(count("bellyfed.events.spilled")).isEqualTo(1);
    assertThat(count("bellyfed.events.publish.failures")).isEqualTo(3);
    assertThat(count("bellyfed.events.published")).isZero();
  }

  @Test
  void anEntryRefusedOnceIsRetriedAloneAndPublishedNotSpilled() {
    AtomicInteger refusals = new AtomicInteger();
    eventBridge.answer(entry -> entry.detail().contains("\"rating\":3") && refusals.getAndIncrement() == 0 ? "ThrottlingException" : null);
    publisher = publisher(new PublisherSettings(100, Duration.ofMillis(100), 1, 3, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofMillis(50)));

    List<EventEnvelope> events = List.of(
        publisher.publish("restaurant.review.created", ReviewCreated.review(1)),
        publisher.publish("restaurant.review.created", ReviewCreated.review(2)));
    EventEnvelope refused = events.stream().filter(event -> event.data().path("rating").asInt() == 3).findFirst().orElseThrow();

    await().atMost(WAIT).until(() -> publisher.pending() == 0);
    assertThat(count("bellyfed.events.published")).isEqualTo(2);
    assertThat(eventBridge.attempts(refused.eventId())).isEqualTo(2);
    assertThat(eventBridge.calls.get(eventBridge.calls.size() - 1)).as("the retry carries the refused entry alone").hasSize(1);
    assertThat(spilled()).isEmpty();
  }

  @Test
  void whileTheCircuitIsOpenEveryEventGoesToTheOutboxWithoutACall() {
    circuit.transitionToOpenState();
    publisher = publisher(PublisherSettings.defaults());

    List<String> published = List.of(
        publisher.publish("restaurant.review.created", ReviewCreated.review(1)).eventId(),
        publisher.publish("restaurant.review.created", ReviewCreated.review(2)).eventId());

    await().atMost(WAIT).until(() -> publisher.pending() == 0);
    assertThat(eventBridge.calls).isEmpty();
    assertThat(spilled()).containsExactlyInAnyOrderElementsOf(published);
    assertThat(count("bellyfed.events.dropped")).isZero();
  }

  @Test
  void anEventIsDroppedAndCountedOnlyWhenItsSpillFailsToo() {
    circuit.transitionToOpenState();
    dynamoDb.goDown();
    publisher = publisher(PublisherSettings.defaults());

    publisher.publish("restaurant.review.created", ReviewCreated.review(1));

    await().atMost(WAIT).until(() -> publisher.pending() == 0);
    assertThat(count("bellyfed.events.dropped")).isEqualTo(1);
    assertThat(count("bellyfed.events.spilled")).isZero();
  }

  @Test
  void anEventThatFindsTheBufferFullForTheOfferTimeoutIsSpilledAtOnce() throws InterruptedException {
    CountDownLatch calling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    eventBridge.answer(entry -> {
      calling.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    publisher = publisher(new PublisherSettings(1, Duration.ofMillis(10), 1, 3, Duration.ofMillis(1), Duration.ofSeconds(5)));

    EventEnvelope sending = publisher.publish("restaurant.review.created", ReviewCreated.review(1));
    assertThat(calling.await(10, TimeUnit.SECONDS)).as("the only sender is inside PutEvents").isTrue();
    EventEnvelope buffered = publisher.publish("restaurant.review.created", ReviewCreated.review(2));
    EventEnvelope overflowing = publisher.publish("restaurant.review.created", ReviewCreated.review(3));

    assertThat(spilled()).containsExactly(overflowing.eventId());
    release.countDown();
    await().atMost(WAIT).until(() -> publisher.pending() == 0);
    assertThat(eventBridge.attempts(sending.eventId())).isEqualTo(1);
    assertThat(eventBridge.attempts(buffered.eventId())).isEqualTo(1);
    assertThat(count("bellyfed.events.published")).isEqualTo(2);
  }

  @Test
  void anEventPublishedAfterCloseGoesToTheOutbox() {
    publisher = publisher(PublisherSettings.defaults());
    publisher.close();

    EventEnvelope late = publisher.publish("restaurant.review.created", ReviewCreated.review(1));

    assertThat(spilled()).containsExactly(late.eventId());
    assertThat(eventBridge.calls).isEmpty();
  }

  private EventBridgePublisher publisher(PublisherSettings settings) {
    PutEventsSender sender = new PutEventsSender(
        eventBridge, circuit, RuntimeFixtures.CATALOG, Topology.bellyfed(Environment.DEV), RuntimeFixtures.JSON);
    OutboxStore outbox = new OutboxStore(dynamoDb, "outbox", RuntimeFixtures.JSON, Clock.systemUTC());
    return new EventBridgePublisher(RuntimeFixtures.factory(), sender, outbox, settings, registry);
  }

  private List<String> spilled() {
    return dynamoDb.items("outbox").stream().map(item -> item.get("eventId").s()).toList();
  }

  private double count(String counter) {
    return registry.counter(counter).count();
  }
}
