package com.bellyfed.events.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.consuming.ReliableConsumer.Outcome;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/*
 * The tests that wait out visibility timeouts and backoffs run concurrently with each other (never with another
 * class: the class itself stays in the same thread); every test has queues, a consumer and a registry of its own.
 */
@LocalAwsTest
class ReliableConsumerIntegrationTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private SqsClient sqs;
  private ReliableConsumer consumer;
  private String queueUrl;
  private String deadLetterUrl;

  @BeforeEach
  void queues(LocalAws localAws) {
    sqs = localAws.sqs();
    String name = "consumer-" + UUID.randomUUID().toString().substring(0, 8);
    deadLetterUrl = sqs.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
    String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    queueUrl = sqs.createQueue(request -> request.queueName(name + "-queue").attributes(Map.of(
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":3}",
        QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
    consumer = new ReliableConsumer(sqs, guard(localAws), RuntimeFixtures.JSON,
        // Capped at 2 s: the third receive's backoff need not be longer to prove that SQS redrives after it.
        ConsumerSettings.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .withHeartbeat(Duration.ofMillis(500), Duration.ofSeconds(2)), Clock.systemUTC(), registry);
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void aHandlerThatAlwaysFailsSeesTheMessageThreeTimesWithGrowingBackoffThenItSitsInTheDeadLetterQueue() {
    String body = RuntimeFixtures.eventBridgeEvent(review());
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    List<Integer> receiveCounts = new ArrayList<>();
    List<Long> receivedAt = new ArrayList<>();

    while (receiveCounts.size() < 3) {
      InboundMessage message = await().atMost(Duration.ofSeconds(15)).until(() -> receive(queueUrl), Optional::isPresent).get();
      receivedAt.add(System.nanoTime());
      receiveCounts.add(message.receiveCount());
      assertThat(consumer.handle("always-fails", message, event -> {
        throw new IllegalStateException("dependency down");
      })).isEqualTo(Outcome.RETRY_LATER);
    }

    assertThat(receiveCounts).containsExactly(1, 2, 3);
    long firstGap = receivedAt.get(1) - receivedAt.get(0);
    long secondGap = receivedAt.get(2) - receivedAt.get(1);
    assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(secondGap).as("the second backoff is longer than the first").isGreaterThan(firstGap);
    // ElasticMQ, like SQS, moves the message when a fourth receive would exceed maxReceiveCount.
    Message deadLetter = await().atMost(Duration.ofSeconds(15)).until(() -> {
      receive(queueUrl).ifPresent(unexpected -> { throw new AssertionError("received a fourth time"); });
      return sqs.receiveMessage(request -> request.queueUrl(deadLetterUrl).waitTimeSeconds(1)).messages();
    }, messages -> !messages.isEmpty()).get(0);
    assertThat(deadLetter.body()).isEqualTo(body);
    assertThat(registry.counter("bellyfed.events.handler.failures", "consumer", "always-fails").count()).isEqualTo(3);
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void aMessageTheOpenCircuitKeptFromItsHandlerComesBackAsAFreshCopyNoNearerToTheDeadLetterQueue(LocalAws localAws) {
    // No backoff: the failures only bring the message to its third receive, and the copies need no delay to
    // show their receive count (the growing backoff is the test above's).
    ReliableConsumer noBackoff = new ReliableConsumer(sqs, guard(localAws), RuntimeFixtures.JSON,
        ConsumerSettings.defaults().withBackoff(Duration.ZERO, Duration.ZERO), Clock.systemUTC(), registry);
    String body = RuntimeFixtures.eventBridgeEvent(review());
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    for (int receive = 1; receive <= 2; receive++) {
      InboundMessage failing = await().atMost(Duration.ofSeconds(15)).until(() -> receive(queueUrl), Optional::isPresent).get();
      noBackoff.handle("waits-for-circuit", failing, event -> {
        throw new IllegalStateException("a real failure");
      });
    }
    InboundMessage third = await().atMost(Duration.ofSeconds(15)).until(() -> receive(queueUrl), Optional::isPresent).get();
    CircuitBreaker open = CircuitBreaker.ofDefaults("open-dependency");
    open.transitionToOpenState();
    AtomicInteger handled = new AtomicInteger();

    Outcome single = noBackoff.handle("waits-for-circuit", third, event -> handled.incrementAndGet(), open);
    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(third.receiptHandle()));
    InboundMessage copy = await().atMost(Duration.ofSeconds(15)).until(() -> receive(queueUrl), Optional::isPresent).get();
    List<Outcome> together = noBackoff.handleTogether("waits-for-circuit", List.of(copy), events -> handled.incrementAndGet(), open);
    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(copy.receiptHandle()));
    InboundMessage secondCopy = await().atMost(Duration.ofSeconds(15)).until(() -> receive(queueUrl), Optional::isPresent).get();

    assertThat(third.receiveCount()).isEqualTo(3);
    assertThat(single).isEqualTo(Outcome.REQUEUED);
    assertThat(together).containsExactly(Outcome.REQUEUED);
    assertThat(handled).hasValue(0);
    assertThat(List.of(copy, secondCopy)).extracting(InboundMessage::body).containsOnly(body);
    assertThat(List.of(copy, secondCopy)).extracting(InboundMessage::receiveCount).containsOnly(1);
    assertThat(sqs.receiveMessage(request -> request.queueUrl(deadLetterUrl).waitTimeSeconds(1)).messages()).isEmpty();
  }

  @Test
  void anUnparseableMessageGoesToTheDeadLetterQueueOnFirstReceiptWithTheParseError() {
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody("{\"detail\": not json"));
    InboundMessage message = await().atMost(Duration.ofSeconds(5)).until(() -> receive(queueUrl), Optional::isPresent).get();
    AtomicInteger handled = new AtomicInteger();

    Outcome outcome = consumer.handle("parser", message, event -> handled.incrementAndGet());

    assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
    assertThat(handled).hasValue(0);
    Message deadLetter = sqs.receiveMessage(request -> request.queueUrl(deadLetterUrl).waitTimeSeconds(2).messageAttributeNames("All"))
        .messages().get(0);
    assertThat(deadLetter.body()).isEqualTo("{\"detail\": not json");
    assertThat(deadLetter.messageAttributes().get("ParseError").stringValue()).contains("not JSON");
    assertThat(deadLetter.messageAttributes().get("SourceQueue").stringValue()).isEqualTo(queueUrl);
  }

  @Test
  void theSameEventDeliveredTwiceRunsTheHandlersSideEffectOnce() {
    String body = RuntimeFixtures.eventBridgeEvent(review());
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    AtomicInteger sideEffects = new AtomicInteger();
    List<Outcome> outcomes = new ArrayList<>();

    while (outcomes.size() < 2) {
      InboundMessage message = await().atMost(Duration.ofSeconds(5)).until(() -> receive(queueUrl), Optional::isPresent).get();
      outcomes.add(consumer.handle("counter", message, event -> sideEffects.incrementAndGet()));
      sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    assertThat(outcomes).containsExactly(Outcome.HANDLED, Outcome.DUPLICATE);
    assertThat(sideEffects).hasValue(1);
  }

  @Test
  void theHandlerRunsWithTheEventsCorrelationIdAndTheEventAsCause() {
    EventEnvelope review = Correlation.with("corr-consumer", null, this::review);
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(review)));
    InboundMessage message = await().atMost(Duration.ofSeconds(5)).until(() -> receive(queueUrl), Optional::isPresent).get();
    List<String> seen = new ArrayList<>();

    consumer.handle("correlated", message, event -> {
      seen.add(MDC.get(Correlation.CORRELATION_ID));
      seen.add(MDC.get(Correlation.CAUSATION_ID));
    });

    assertThat(seen).containsExactly("corr-consumer", review.eventId());
    assertThat(MDC.get(Correlation.CORRELATION_ID)).as("restored after the handler").isNull();
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void aLongHandlerKeepsItsMessageInvisibleUntilItFinishes(LocalAws localAws) throws Exception {
    // 2 s, not 1: the first heartbeat comes 500 ms after the guard's read, which took over half a second on a machine at load 30.
    sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2")));
    sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(review())));
    InboundMessage message = await().atMost(Duration.ofSeconds(5)).until(() -> receive(queueUrl), Optional::isPresent).get();
    CountDownLatch finish = new CountDownLatch(1);
    List<InboundMessage> seenMeanwhile = new CopyOnWriteArrayList<>();
    Thread otherPoller = new Thread(() -> {
      while (finish.getCount() > 0) {
        receive(queueUrl).ifPresent(seenMeanwhile::add);
      }
    });
    otherPoller.start();

    // The handler outlives the queue's 2 s visibility timeout twice over, the shortest window in
    // which a message nobody kept invisible would surely have come back; it stops as soon as it does.
    Outcome outcome = consumer.handle("slow", message, event ->
        await().failFast("delivered again while the handler ran", () -> !seenMeanwhile.isEmpty())
            .during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(30)).until(seenMeanwhile::isEmpty));
    finish.countDown();
    otherPoller.join();

    assertThat(seenMeanwhile).as("deliveries to another poller while the handler ran").isEmpty();
    assertThat(outcome).isEqualTo(Outcome.HANDLED);
  }

  private static IdempotencyGuard guard(LocalAws localAws) {
    return new IdempotencyGuard(
        localAws.dynamoDb(), localAws.topology().table("processed-events").name(), Clock.systemUTC(), IdempotencyGuard.DEFAULT_RETENTION);
  }

  private EventEnvelope review() {
    return RuntimeFixtures.factory().create("restaurant.review.created",
        Map.of("reviewId", UUID.randomUUID().toString(), "restaurantId", "consumer-test", "rating", 3));
  }


  private Optional<InboundMessage> receive(String url) {
    return sqs.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(1)
            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
        .messages().stream().findFirst()
        .map(message -> new InboundMessage(url, message.messageId(), message.receiptHandle(), message.body(),
            Integer.parseInt(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))));
  }
}
