package com.bellyfed.events.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.EventTap;
import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.catalog.InvalidEventException;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxRelay;
import com.bellyfed.events.outbox.OutboxSettings;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.localaws.junit.LocalAwsTest;
import com.bellyfed.testing.LoadTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@LocalAwsTest
class EventBridgePublisherIntegrationTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void clearFaults(LocalAws localAws) {
    localAws.faults().clear();
  }

  @Test
  void deliversAThousandEventsFromEightThreadsEachExactlyOnceInCallsOfAtMostTen(LocalAws localAws) throws Exception {
    deliversEventsFromEightThreadsEachExactlyOnceInCallsOfAtMostTen(localAws, 125);
  }

  @LoadTest
  @Test
  void deliversTenThousandEventsFromEightThreadsEachExactlyOnceInCallsOfAtMostTen(LocalAws localAws) throws Exception {
    deliversEventsFromEightThreadsEachExactlyOnceInCallsOfAtMostTen(localAws, 1_250);
  }

  private void deliversEventsFromEightThreadsEachExactlyOnceInCallsOfAtMostTen(LocalAws localAws, int perThread) throws Exception {
    int total = 8 * perThread;
    String correlationId = UUID.randomUUID().toString();
    EventBridgePublisher publisher = publisher(localAws, RuntimeFixtures.quickBreaker());
    List<String> published = Collections.synchronizedList(new ArrayList<>());

    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId)) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> producers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        producers.add(threads.submit(() -> Correlation.with(correlationId, null, () -> {
          for (int i = 0; i < perThread; i++) {
            published.add(publisher.publish("restaurant.review.created", ReviewCreated.review(thread * perThread + i)).eventId());
          }
        })));
      }
      for (Future<?> producer : producers) {
        producer.get();
      }
      threads.shutdown();

      List<EventEnvelope> received = tap.await(total, Duration.ofMinutes(3));
      received.addAll(tap.more());

      assertThat(received).hasSize(total);
      assertThat(received.stream().map(EventEnvelope::eventId).collect(Collectors.toSet())).isEqualTo(Set.copyOf(published));
      assertThat(registry.get("bellyfed.events.batch.size").summary().max()).isLessThanOrEqualTo(10);
      assertThat(registry.get("bellyfed.events.batch.size").summary().count()).isLessThan(total);
      assertThat(registry.get("bellyfed.events.published").counter().count()).isEqualTo(total);
      assertThat(registry.get("bellyfed.events.dropped").counter().count()).isZero();
    } finally {
      publisher.close();
    }
  }

  @Test
  void losesNothingWhileEventBridgeIsDownAndDeliversTheSpilledEventsAfterwards(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    CircuitBreaker breaker = RuntimeFixtures.quickBreaker();
    OutboxStore outbox = RuntimeFixtures.privateOutbox(localAws);
    PutEventsSender sender = RuntimeFixtures.sender(localAws, breaker, localAws.topology());
    EventBridgePublisher publisher =
        new EventBridgePublisher(RuntimeFixtures.factory(), sender, outbox, PublisherSettings.defaults(), registry);
    OutboxSettings quickSweeps = new OutboxSettings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(200), 100, 10);

    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        publisher;
        OutboxRelay relay = new OutboxRelay(outbox, sender, quickSweeps, Clock.systemUTC(), registry)) {
      localAws.faults().inject(Fault.down(AwsService.EVENTS));
      List<String> published =
          Correlation.with(correlationId, null, () -> IntStream.range(0, 200)
              .mapToObj(i -> publisher.publish("restaurant.review.created", ReviewCreated.review(i)).eventId())
              .toList());
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> publisher.pending() == 0);
      assertThat(registry.get("bellyfed.events.spilled").counter().count()).isGreaterThan(0);
      assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

      localAws.faults().clear();
      relay.start();

      List<EventEnvelope> received = tap.await(200, Duration.ofSeconds(60));
      received.addAll(tap.more());
      assertThat(received.stream().map(EventEnvelope::eventId).toList()).containsExactlyInAnyOrderElementsOf(published);
      assertThat(registry.get("bellyfed.events.dropped").counter().count()).isZero();
      assertThat(outbox.oldestPending()).isEmpty();
    }
  }

  @Test
  void closingFlushesEveryBufferedEvent(LocalAws localAws) {
    String correlationId = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId)) {
      EventBridgePublisher publisher = publisher(localAws, RuntimeFixtures.quickBreaker());
      List<String> published = Correlation.with(correlationId, null, () -> IntStream.range(0, 500)
          .mapToObj(i -> publisher.publish("restaurant.review.created", ReviewCreated.review(i)).eventId())
          .toList());

      publisher.close();

      assertThat(publisher.pending()).isZero();
      assertThat(registry.get("bellyfed.events.published").counter().count()).isEqualTo(500);
      List<EventEnvelope> received = tap.await(500, Duration.ofSeconds(30));
      received.addAll(tap.more());
      assertThat(received.stream().map(EventEnvelope::eventId).toList()).containsExactlyInAnyOrderElementsOf(published);
    }
  }

  @Test
  void fillsCallsWithEventsPublishedOneByOneWithinTheLinger(LocalAws localAws) throws Exception {
    String correlationId = UUID.randomUUID().toString();
    PublisherSettings lingering = new PublisherSettings(10_000, Duration.ofMillis(100), 4, 3, Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofMillis(200));
    List<String> published = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId);
        EventBridgePublisher publisher = new EventBridgePublisher(
            RuntimeFixtures.factory(), RuntimeFixtures.sender(localAws, RuntimeFixtures.quickBreaker(), localAws.topology()),
            RuntimeFixtures.privateOutbox(localAws), lingering, registry)) {
      // One event every 5 ms, as requests arriving one by one would emit them: without a linger each
      // finds an idle sender and goes alone.
      CountDownLatch done = new CountDownLatch(100);
      requests.scheduleAtFixedRate(() -> {
        if (done.getCount() > 0) {
          Correlation.with(correlationId, null, () -> published.add(publisher.publish("restaurant.review.created", ReviewCreated.review(published.size())).eventId()));
          done.countDown();
        }
      }, 0, 5, TimeUnit.MILLISECONDS);
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

      List<EventEnvelope> received = tap.await(100, Duration.ofSeconds(30));
      received.addAll(tap.more());

      assertThat(received.stream().map(EventEnvelope::eventId).toList()).containsExactlyInAnyOrderElementsOf(published);
      assertThat(registry.get("bellyfed.events.batch.size").summary().count()).as("PutEvents calls for 100 events").isLessThanOrEqualTo(20);
      assertThat(registry.get("bellyfed.events.batch.size").summary().max()).isLessThanOrEqualTo(10);
    } finally {
      requests.shutdownNow();
    }
  }

  @Test
  void refusesAnOversizedEventAtTheCallSite(LocalAws localAws) {
    try (EventBridgePublisher publisher = publisher(localAws, RuntimeFixtures.quickBreaker())) {
      ReviewCreated huge = new ReviewCreated("r-1", "x-1", 4, "y".repeat(300_000));

      assertThatThrownBy(() -> publisher.publish("restaurant.review.created", huge))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining("EventBridge takes at most 262144");
    }
  }

  private EventBridgePublisher publisher(LocalAws localAws, CircuitBreaker breaker) {
    return new EventBridgePublisher(
        RuntimeFixtures.factory(),
        RuntimeFixtures.sender(localAws, breaker, localAws.topology()),
        RuntimeFixtures.privateOutbox(localAws),
        PublisherSettings.defaults(),
        registry);
  }
}
