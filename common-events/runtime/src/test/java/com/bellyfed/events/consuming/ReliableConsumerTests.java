package com.bellyfed.events.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.consuming.ReliableConsumer.Outcome;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.standins.InMemoryDynamoDb;
import com.bellyfed.events.standins.InMemorySqs;
import com.bellyfed.events.standins.InMemorySqs.Sent;
import com.bellyfed.events.standins.InMemorySqs.VisibilityChange;
import com.bellyfed.kit.outage.Outages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The consumer's decisions (backoff, dead-lettering, requeue while the circuit is open, duplicates,
 * handing a poll over together) against SQS and the guard's table held in memory: what the
 * consumer asks of SQS is the decision. ReliableConsumerIntegrationTests proves the same against
 * local-aws, end to end, where SQS's own redrive takes over.
 */
class ReliableConsumerTests {

  private static final String CONSUMER = "review-counter";

  private final InMemorySqs sqs = new InMemorySqs();
  private final InMemoryDynamoDb dynamoDb = new InMemoryDynamoDb();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ReliableConsumer consumer = new ReliableConsumer(
      sqs, new IdempotencyGuard(dynamoDb, "processed-events", Clock.systemUTC(), Duration.ofDays(7)), RuntimeFixtures.JSON,
      ConsumerSettings.defaults().withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC(), registry);
  private final String queueUrl = sqs.queue("reviews-queue", "reviews-dlq");
  private final AtomicInteger messages = new AtomicInteger();

  @AfterEach
  void close() {
    consumer.close();
  }

  @Test
  void aFailedMessageIsHiddenForTheFirstBackoffDoublingWithEveryReceiveUpToTheCap() {
    String body = RuntimeFixtures.eventBridgeEvent(review("poison"));
    AtomicInteger runs = new AtomicInteger();

    for (int receive = 1; receive <= 5; receive++) {
      assertThat(consumer.handle(CONSUMER, message(body, receive), event -> {
        runs.incrementAndGet();
        throw new IllegalStateException("cannot count poison");
      })).isEqualTo(Outcome.RETRY_LATER);
    }

    assertThat(runs).hasValue(5);
    assertThat(sqs.visibilityChanges).extracting(VisibilityChange::seconds).containsExactly(10, 20, 40, 60, 60);
    assertThat(sqs.visibilityChanges).extracting(VisibilityChange::queueUrl).containsOnly(queueUrl);
    assertThat(sqs.sent).as("SQS's redrive, not the consumer, moves a failing message to the DLQ").isEmpty();
    assertThat(registry.counter("bellyfed.events.handler.failures", "consumer", CONSUMER).count()).isEqualTo(5);
  }

  @Test
  void anUnparseableMessageGoesToTheDeadLetterQueueOfItsQueueAtOnceWithTheParseError() {
    AtomicInteger runs = new AtomicInteger();

    Outcome notJson = consumer.handle(CONSUMER, message("{\"detail\": not json", 1), event -> runs.incrementAndGet());
    Outcome noDetail = consumer.handle(CONSUMER, message("{\"version\":\"0\"}", 1), event -> runs.incrementAndGet());

    assertThat(List.of(notJson, noDetail)).containsOnly(Outcome.DEAD_LETTERED);
    assertThat(runs).hasValue(0);
    assertThat(sqs.sent).extracting(Sent::queueUrl).containsOnly(InMemorySqs.url("reviews-dlq"));
    assertThat(sqs.sent).extracting(Sent::body).containsExactly("{\"detail\": not json", "{\"version\":\"0\"}");
    assertThat(sqs.sent.get(0).attributes()).containsEntry("SourceQueue", queueUrl).containsEntry("Consumer", CONSUMER)
        .hasEntrySatisfying("ParseError", error -> assertThat(error).startsWith("Body is not JSON"));
    assertThat(sqs.sent.get(1).attributes().get("ParseError")).contains("no detail object");
    assertThat(sqs.visibilityChanges).isEmpty();
  }

  @Test
  void anUnparseableMessageOfAQueueWithoutARedrivePolicyIsRefusedRatherThanLost() {
    String orphan = InMemorySqs.url("no-dlq-queue");

    assertThatThrownBy(() -> consumer.handle(CONSUMER, new InboundMessage(orphan, "m", "r", "not json", 1), event -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no redrive policy");
  }

  @Test
  void whileTheCircuitIsOpenTheHandlerDoesNotRunAndAFreshCopyComesBackAfterTheFirstBackoffNoNearerToTheDeadLetterQueue() {
    CircuitBreaker circuit = CircuitBreaker.ofDefaults("dynamodb");
    circuit.transitionToOpenState();
    // Down as well: the guard must not be asked either.
    dynamoDb.goDown();
    String body = RuntimeFixtures.eventBridgeEvent(review("good"));
    AtomicInteger runs = new AtomicInteger();

    Outcome outcome = consumer.handle(CONSUMER, message(body, 2), event -> runs.incrementAndGet(), circuit);

    assertThat(outcome).isEqualTo(Outcome.REQUEUED);
    assertThat(runs).hasValue(0);
    assertThat(sqs.sent).containsExactly(new Sent(queueUrl, body, 10, Map.of()));
    assertThat(sqs.visibilityChanges).isEmpty();
    assertThat(registry.counter("bellyfed.events.consumer.deferred", "consumer", CONSUMER).count()).isEqualTo(1);
  }

  @Test
  void aCopyTheOpenCircuitCannotRequeueBacksOffAsAfterAFailure() {
    CircuitBreaker circuit = CircuitBreaker.ofDefaults("dynamodb");
    circuit.transitionToOpenState();
    sqs.failSends();

    Outcome outcome = consumer.handle(CONSUMER, message(RuntimeFixtures.eventBridgeEvent(review("good")), 2), event -> {}, circuit);

    assertThat(outcome).isEqualTo(Outcome.RETRY_LATER);
    assertThat(sqs.visibilityChanges).extracting(VisibilityChange::seconds).containsExactly(20);
  }

  @Test
  void aHalfOpenProbeThatFindsTheDependencyStillDownIsRequeuedAsAFreshCopyNoNearerToTheDeadLetterQueue() {
    CircuitBreaker circuit = halfOpenDependency();
    String body = RuntimeFixtures.eventBridgeEvent(review("good"));

    // The third probe of a long outage this message was picked for: a receive more and SQS would dead-letter it.
    Outcome outcome = consumer.handle(CONSUMER, message(body, 3), event -> {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }, circuit);

    assertThat(outcome).isEqualTo(Outcome.REQUEUED);
    assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(sqs.sent).containsExactly(new Sent(queueUrl, body, 10, Map.of()));
    assertThat(sqs.visibilityChanges).isEmpty();
    assertThat(registry.counter("bellyfed.events.handler.failures", "consumer", CONSUMER).count()).isEqualTo(1);
  }

  @Test
  void aPoisonMessagePickedAsTheProbeFailsOnItsOwnAndBacksOffTowardsTheDeadLetterQueue() {
    CircuitBreaker circuit = halfOpenDependency();

    Outcome outcome = consumer.handle(CONSUMER, message(RuntimeFixtures.eventBridgeEvent(review("poison")), 2), event -> {
      throw new IllegalStateException("cannot count poison");
    }, circuit);

    assertThat(outcome).isEqualTo(Outcome.RETRY_LATER);
    assertThat(circuit.getState()).as("not an outage: the dependency answered").isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(sqs.sent).isEmpty();
    assertThat(sqs.visibilityChanges).extracting(VisibilityChange::seconds).containsExactly(20);
  }

  @Test
  void aPollHandedOverTogetherAsTheProbeOfADependencyStillDownIsRequeuedWholeWithoutRetryingEachAlone() {
    CircuitBreaker circuit = halfOpenDependency();
    List<InboundMessage> poll = List.of(
        message(RuntimeFixtures.eventBridgeEvent(review("a")), 3), message(RuntimeFixtures.eventBridgeEvent(review("b")), 1));
    AtomicInteger runs = new AtomicInteger();

    List<Outcome> outcomes = consumer.handleTogether(CONSUMER, poll, events -> {
      runs.incrementAndGet();
      throw SdkClientException.create("Unable to execute HTTP request: Read timed out");
    }, circuit);

    assertThat(outcomes).containsOnly(Outcome.REQUEUED);
    assertThat(runs).as("the probe only: the circuit opened again").hasValue(1);
    assertThat(sqs.sent).extracting(Sent::delaySeconds).containsExactly(10, 10);
    assertThat(sqs.visibilityChanges).isEmpty();
  }

  @Test
  void anEventHandledOnceIsAcknowledgedAsADuplicateWithoutRunningTheHandlerAgain() {
    String body = RuntimeFixtures.eventBridgeEvent(review("good"));
    AtomicInteger runs = new AtomicInteger();

    Outcome first = consumer.handle(CONSUMER, message(body, 1), event -> runs.incrementAndGet());
    Outcome second = consumer.handle(CONSUMER, message(body, 1), event -> runs.incrementAndGet());
    Outcome otherConsumer = consumer.handle("another-consumer", message(body, 1), event -> runs.incrementAndGet());

    assertThat(List.of(first, second, otherConsumer)).containsExactly(Outcome.HANDLED, Outcome.DUPLICATE, Outcome.HANDLED);
    assertThat(runs).hasValue(2);
    assertThat(dynamoDb.items("processed-events")).hasSize(2);
  }

  @Test
  void aGuardThatCannotBeReadCountsAsAFailureOfTheDependencyAndTheMessageBacksOff() {
    dynamoDb.goDown();
    CircuitBreaker circuit = CircuitBreaker.of("dynamodb", CircuitBreakerConfig.custom().minimumNumberOfCalls(2).slidingWindowSize(2).build());
    AtomicInteger runs = new AtomicInteger();

    for (int i = 0; i < 2; i++) {
      assertThat(consumer.handle(CONSUMER, message(RuntimeFixtures.eventBridgeEvent(review("good")), 1), event -> runs.incrementAndGet(), circuit))
          .isEqualTo(Outcome.RETRY_LATER);
    }

    assertThat(runs).as("an outage can never make an unhandled event look handled, nor run it unguarded").hasValue(0);
    assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(sqs.visibilityChanges).extracting(VisibilityChange::seconds).containsExactly(10, 10);
  }

  @Test
  void aPollHandedOverTogetherDeadLettersTheUnparseableSkipsTheRepeatedAndOnAFailureRetriesEachEventAloneSoThatOnlyThePoisonBacksOff() {
    EventEnvelope good = review("good");
    EventEnvelope poison = review("poison");
    EventEnvelope other = review("good");
    List<InboundMessage> poll = List.of(
        message(RuntimeFixtures.eventBridgeEvent(good), 1),
        message("{\"detail\": not json", 1),
        message(RuntimeFixtures.eventBridgeEvent(poison), 2),
        message(RuntimeFixtures.eventBridgeEvent(good), 1),
        message(RuntimeFixtures.eventBridgeEvent(other), 1));
    List<List<String>> calls = new ArrayList<>();

    List<Outcome> outcomes = consumer.handleTogether(CONSUMER, poll, events -> {
      calls.add(events.stream().map(event -> event.envelope().eventId()).toList());
      if (events.stream().anyMatch(event -> event.envelope().data().path("restaurantId").asString("").equals("poison"))) {
        throw new IllegalStateException("cannot write poison");
      }
    }, null);

    assertThat(outcomes).containsExactly(Outcome.HANDLED, Outcome.DEAD_LETTERED, Outcome.RETRY_LATER, Outcome.DUPLICATE, Outcome.HANDLED);
    assertThat(calls).containsExactly(
        List.of(good.eventId(), poison.eventId(), other.eventId()),
        List.of(good.eventId()), List.of(poison.eventId()), List.of(other.eventId()));
    assertThat(sqs.visibilityChanges).containsExactly(new VisibilityChange(queueUrl, "r3", 20));
    assertThat(sqs.sent).extracting(Sent::queueUrl).containsExactly(InMemorySqs.url("reviews-dlq"));
    assertThat(dynamoDb.items).as("no guard for a poll handed over together").isEmpty();
  }

  @Test
  void aPollHandedOverTogetherGoesInOneCallWithItsDetailTypes() {
    List<InboundMessage> poll = List.of(
        message(RuntimeFixtures.eventBridgeEvent(review("a")), 1), message(RuntimeFixtures.eventBridgeEvent(review("b")), 1));
    List<List<DeliveredEvent>> calls = new ArrayList<>();

    assertThat(consumer.handleTogether(CONSUMER, poll, calls::add, null)).containsOnly(Outcome.HANDLED);

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)).extracting(DeliveredEvent::detailType).containsOnly("ReviewCreated");
    assertThat(sqs.visibilityChanges).isEmpty();
  }

  @Test
  void whileTheCircuitIsOpenAPollHandedOverTogetherIsRequeuedWhole() {
    CircuitBreaker circuit = CircuitBreaker.ofDefaults("dynamodb");
    circuit.transitionToOpenState();
    List<InboundMessage> poll = List.of(
        message(RuntimeFixtures.eventBridgeEvent(review("a")), 1), message(RuntimeFixtures.eventBridgeEvent(review("b")), 3));
    AtomicInteger runs = new AtomicInteger();

    List<Outcome> outcomes = consumer.handleTogether(CONSUMER, poll, events -> runs.incrementAndGet(), circuit);

    assertThat(outcomes).containsOnly(Outcome.REQUEUED);
    assertThat(runs).hasValue(0);
    assertThat(sqs.sent).extracting(Sent::delaySeconds).containsExactly(10, 10);
    assertThat(sqs.visibilityChanges).isEmpty();
  }

  @Test
  void handledMessagesAreDeletedPerQueueInCallsOfAtMostTen() {
    List<InboundMessage> done = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      done.add(message("{}", 1));
    }

    consumer.delete(done);

    assertThat(sqs.deleted).hasSize(23).doesNotHaveDuplicates();
  }

  /** A listener's dependency circuit as the runtime configures it (outages only, one probe), its probe due. */
  private static CircuitBreaker halfOpenDependency() {
    CircuitBreaker circuit = CircuitBreaker.of("dynamodb", CircuitBreakerConfig.custom()
        .recordException(Outages::isOutage).permittedNumberOfCallsInHalfOpenState(1).build());
    circuit.transitionToOpenState();
    circuit.transitionToHalfOpenState();
    return circuit;
  }

  private InboundMessage message(String body, int receiveCount) {
    int n = messages.incrementAndGet();
    return new InboundMessage(queueUrl, "m" + n, "r" + n, body, receiveCount);
  }

  private static EventEnvelope review(String restaurantId) {
    return RuntimeFixtures.factory().create("restaurant.review.created",
        Map.of("reviewId", UUID.randomUUID().toString(), "restaurantId", restaurantId, "rating", 4));
  }
}
