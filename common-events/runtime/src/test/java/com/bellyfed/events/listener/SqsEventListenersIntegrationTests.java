package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.localaws.junit.LocalAwsTest;
import com.bellyfed.testing.LoadTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.util.ArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.awspring.cloud.sqs.config.SqsBeanNames;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/*
 * Most tests wait out SQS visibility timeouts (a dead-lettered message takes 1 + 2 + 2 s), each on queues and
 * listeners of its own, so they run concurrently with each other (never with another class: the class itself
 * stays in the same thread). Two share a queue and its listener (QUEUE); the outage makes DynamoDB fail for
 * everything, the idempotency guard included, so it runs alone (DYNAMODB).
 */
@LocalAwsTest
@SpringBootTest(
    classes = SqsEventListenersIntegrationTests.ListenerApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // The shortest backoff the consumer has (whole seconds), capped at 2 s: a failing message is dead-lettered
        // after 1 + 2 + 2 s. The third backoff need not be longer to prove that SQS redrives after the third receive.
    properties = {"spring.application.name=listener-app", "bellyfed.events.consumer.first-backoff=1s",
        "bellyfed.events.consumer.max-backoff=2s"})
class SqsEventListenersIntegrationTests {

  private static final String DYNAMODB = "local-aws DynamoDB";
  private static final String QUEUE = "test.listener.queue";

  static String queueUrl;
  static String deadLetterUrl;
  static String guardedQueueUrl;
  static String guardedDeadLetterUrl;
  static String batchQueueUrl;
  static String batchDeadLetterUrl;
  static String togetherQueueUrl;
  static String togetherDeadLetterUrl;
  static String heldQueueUrl;

  @Autowired ReviewCounter counter;
  @Autowired GuardedWriter writer;
  @Autowired BatchCounter batchCounter;
  @Autowired TogetherWriter togetherWriter;
  @Autowired ListenerPause pause;
  @Autowired SharedCircuitListeners shared;
  @Autowired MessageListenerContainerRegistry containers;
  @Autowired EventFactory events;

  /** Private queue pairs, created before the listener containers start and look the queues up. */
  @BeforeAll
  static void queues(LocalAws localAws) {
    String[] plain = queuePair(localAws.sqs(), "test.listener.queue");
    queueUrl = plain[0];
    deadLetterUrl = plain[1];
    String[] guarded = queuePair(localAws.sqs(), "test.listener.guarded-queue");
    guardedQueueUrl = guarded[0];
    guardedDeadLetterUrl = guarded[1];
    String[] batch = queuePair(localAws.sqs(), "test.listener.batch-queue");
    batchQueueUrl = batch[0];
    batchDeadLetterUrl = batch[1];
    String[] together = queuePair(localAws.sqs(), "test.listener.together-queue");
    togetherQueueUrl = together[0];
    togetherDeadLetterUrl = together[1];
    heldQueueUrl = queuePair(localAws.sqs(), "test.listener.held-queue")[0];
    queuePair(localAws.sqs(), "test.listener.quick-queue");
  }

  private static String[] queuePair(SqsClient sqs, String property) {
    String name = "listener-" + UUID.randomUUID().toString().substring(0, 8);
    String deadLetter = sqs.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
    String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetter).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String queue = sqs.createQueue(request -> request.queueName(name + "-queue").attributes(Map.of(
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":3}"))).queueUrl();
    System.setProperty(property, name + "-queue");
    return new String[] {queue, deadLetter};
  }

  /**
   * Longer than the 5 s after which a message failing on every receive is dead-lettered (backoffs
   * 1 s and 2 s, three receives), so that only the pause keeps the stream out of the dead-letter queue:
   * the last of the stream is sent 6.3 s in. It ends before the circuit's second probe (2.5 s and then
   * 5 s after it opened), which then finds DynamoDB up again.
   */
  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(DYNAMODB)
  @Test
  void aListenerPausesWhileDynamoDbIsDownLongerThanTheBackoffsToTheDeadLetterQueueAndLosesNothing(LocalAws localAws) {
    pausesThroughAnOutageAndLosesNothing(localAws, Duration.ofSeconds(7));
  }

  @LoadTest
  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(DYNAMODB)
  @Test
  void aListenerPausesWhileDynamoDbIsDownForThirtySecondsAndLosesNothing(LocalAws localAws) {
    pausesThroughAnOutageAndLosesNothing(localAws, Duration.ofSeconds(30));
  }

  private void pausesThroughAnOutageAndLosesNothing(LocalAws localAws, Duration outage) {
    List<String> sent = new CopyOnWriteArrayList<>();
    int messages = 10;
    ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
    long pausesBefore = pause.pauses("guarded");
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    try {
      // A steady stream through the whole outage: ten messages, evenly spaced.
      stream.scheduleAtFixedRate(() -> {
        if (sent.size() < messages) {
          EventEnvelope review = review("guarded");
          localAws.sqs().sendMessage(request -> request.queueUrl(guardedQueueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(review)));
          sent.add(review.eventId());
        }
      }, 0, outage.toMillis() / messages, TimeUnit.MILLISECONDS);
      // Down until the whole stream is sent and the listener paused (failing calls take a while on a busy machine).
      await().atMost(outage.plusSeconds(60)).until(() -> sent.size() == messages && pause.pauses("guarded") > pausesBefore);
    } finally {
      stream.shutdownNow();
      localAws.faults().clear();
    }

    await().atMost(Duration.ofSeconds(90)).until(() -> writer.written.containsAll(sent));
    assertThat(writer.written).filteredOn(sent::contains).hasSize(sent.size());
    assertThat(messagesIn(localAws, guardedDeadLetterUrl)).as("nothing dead-lettered because of the outage").isZero();
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(value = DYNAMODB, mode = ResourceAccessMode.READ)
  @Test
  void aListenerWhoseStopWaitsForItsHandlerDoesNotDelayTheStopOfAnotherListenerOfTheSameCircuitAndLosesNoDelete(LocalAws localAws) {
    EventEnvelope review = review("held");
    localAws.sqs().sendMessage(request -> request.queueUrl(heldQueueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(review)));
    await().atMost(Duration.ofSeconds(20)).until(() -> shared.holding.getCount() == 0);
    long quickPauses = pause.pauses("quick");
    try {
      shared.breaker.transitionToOpenState();

      // Stopping "held" waits for its handler (up to the container's 20 s shutdown timeout).
      await().atMost(Duration.ofSeconds(5)).until(() -> pause.pauses("quick") > quickPauses && !containers.getContainerById("quick").isRunning());
      assertThat(containers.getContainerById("held").isRunning()).isFalse();
    } finally {
      shared.release.countDown();
    }
    // Handled while its container stopped: deleted all the same (Spring Cloud AWS's acknowledgement
    // would have dropped it with the stopping container, and the message would come back).
    await().atMost(Duration.ofSeconds(20)).until(() -> shared.handled.get() == 1 && messagesIn(localAws, heldQueueUrl) == 0);
    shared.breaker.transitionToClosedState();
    await().atMost(Duration.ofSeconds(30)).until(() -> containers.getContainerById("held").isRunning() && containers.getContainerById("quick").isRunning());
  }

  /** The post-processor that looks past library classes found every listener of this package's beans. */
  @Test
  void everyListenerMethodHereHasItsContainer(@Autowired ApplicationContext context) {
    assertThat(context.getBean(SqsBeanNames.SQS_LISTENER_ANNOTATION_BEAN_POST_PROCESSOR_BEAN_NAME)).isInstanceOf(ApplicationSqsListeners.class);
    assertThat(containers.getListenerContainers()).hasSize(6);
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(value = DYNAMODB, mode = ResourceAccessMode.READ)
  @ResourceLock(QUEUE)
  @Test
  void anSqsListenerHandlesEachEventOnceAndAcknowledgesDuplicates(LocalAws localAws) {
    EventEnvelope review = review("good");

    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(review)));
    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(review)));

    // Counted per event: the poison test shares this queue and listener.
    await().atMost(Duration.ofSeconds(20)).until(() -> counter.deliveries.getOrDefault(review.eventId(), new AtomicInteger()).get() >= 2);
    assertThat(counter.handled.get(review.eventId())).hasValue(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(localAws, queueUrl) == 0);
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(value = DYNAMODB, mode = ResourceAccessMode.READ)
  @ResourceLock(QUEUE)
  @Test
  void aFailingHandlerLeavesTheMessageUnacknowledgedUntilSqsMovesItToTheDeadLetterQueue(LocalAws localAws) {
    EventEnvelope poison = review("poison");

    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(RuntimeFixtures.eventBridgeEvent(poison)));

    await().atMost(Duration.ofSeconds(40)).until(() -> messagesIn(localAws, deadLetterUrl) == 1);
    assertThat(counter.failures).filteredOn(poison.eventId()::equals).hasSize(3);
    assertThat(counter.handled).doesNotContainKey(poison.eventId());
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(value = DYNAMODB, mode = ResourceAccessMode.READ)
  @Test
  void aBatchListenerAcknowledgesEachGoodMessageAndOnlyThePoisonComesBack(LocalAws localAws) {
    List<EventEnvelope> good = new ArrayList<>();
    List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      EventEnvelope review = review(i == 4 ? "poison" : "good");
      if (i != 4) {
        good.add(review);
      }
      entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
          .id(Integer.toString(i)).messageBody(RuntimeFixtures.eventBridgeEvent(review)).build());
    }

    localAws.sqs().sendMessageBatch(request -> request.queueUrl(batchQueueUrl).entries(entries));

    await().atMost(Duration.ofSeconds(40)).until(() -> messagesIn(localAws, batchDeadLetterUrl) == 1);
    for (EventEnvelope review : good) {
      assertThat(batchCounter.handled.get(review.eventId())).as("good review handled once").hasValue(1);
    }
    assertThat(batchCounter.failures).hasSize(3);
    assertThat(messagesIn(localAws, batchQueueUrl)).isZero();
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(value = DYNAMODB, mode = ResourceAccessMode.READ)
  @Test
  void aHandlerOfWholePollsGetsEachEventOnceWithItsDetailTypeAndOnlyThePoisonAndTheUnparseableEndInTheDeadLetterQueue(LocalAws localAws) {
    List<EventEnvelope> good = new ArrayList<>();
    List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      good.add(review("good"));
      entries.add(entry(i, RuntimeFixtures.eventBridgeEvent(good.get(i))));
    }
    entries.add(entry(7, RuntimeFixtures.eventBridgeEvent(good.get(0))));
    entries.add(entry(8, "{\"detail\": not json"));
    entries.add(entry(9, RuntimeFixtures.eventBridgeEvent(review("poison"))));

    localAws.sqs().sendMessageBatch(request -> request.queueUrl(togetherQueueUrl).entries(entries));

    await().atMost(Duration.ofSeconds(40)).until(() -> messagesIn(localAws, togetherDeadLetterUrl) == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(localAws, togetherQueueUrl) == 0);
    assertThat(togetherWriter.written.keySet()).containsAll(good.stream().map(EventEnvelope::eventId).toList());
    for (EventEnvelope review : good.subList(1, good.size())) {
      assertThat(togetherWriter.written.get(review.eventId())).as("a good review in the poison's poll, handled once").hasValue(1);
    }
    assertThat(togetherWriter.detailTypes).containsOnly("ReviewCreated");
    assertThat(togetherWriter.largestBatch.get()).as("events of one poll handed over together").isGreaterThan(1);
  }

  private static software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry entry(int id, String body) {
    return software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id(Integer.toString(id)).messageBody(body).build();
  }

  private EventEnvelope review(String kind) {
    return events.create("restaurant.review.created", Map.of("reviewId", UUID.randomUUID().toString(), "restaurantId", kind, "rating", 4));
  }

  private static int messagesIn(LocalAws localAws, String url) {
    Map<QueueAttributeName, String> attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }


  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({ReviewCounter.class, GuardedWriter.class, BatchCounter.class, TogetherWriter.class, SharedCircuitListeners.class})
  static class ListenerApp {}

  /** A consumer that takes each poll whole, as one bulk write would, and refuses any poll holding a poison. */
  @Component
  static class TogetherWriter {

    final Map<String, AtomicInteger> written = new ConcurrentHashMap<>();
    final List<String> detailTypes = new CopyOnWriteArrayList<>();
    final AtomicInteger largestBatch = new AtomicInteger();
    private final SqsEventListeners listeners;

    TogetherWriter(SqsEventListeners listeners) {
      this.listeners = listeners;
    }

    @SqsListener(value = "${test.listener.together-queue}", acknowledgementMode = "MANUAL")
    void receive(List<Message<String>> batch) {
      listeners.handleTogether("together-writer", batch, this::on, null);
    }

    void on(List<com.bellyfed.events.consuming.DeliveredEvent> events) {
      largestBatch.accumulateAndGet(events.size(), Math::max);
      if (events.stream().anyMatch(event -> event.envelope().data().path("restaurantId").asString("").equals("poison"))) {
        throw new IllegalStateException("cannot write poison");
      }
      events.forEach(event -> {
        detailTypes.add(event.detailType());
        written.computeIfAbsent(event.envelope().eventId(), id -> new AtomicInteger()).incrementAndGet();
      });
    }
  }

  /** A batch consumer that acknowledges message by message. */
  @Component
  static class BatchCounter {

    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final SqsEventListeners listeners;

    BatchCounter(SqsEventListeners listeners) {
      this.listeners = listeners;
    }

    @SqsListener(value = "${test.listener.batch-queue}", acknowledgementMode = "MANUAL")
    void receive(List<Message<String>> batch) {
      listeners.handleBatch("batch-counter", batch, this::on, null);
    }

    void on(EventEnvelope review) {
      if (review.data().path("restaurantId").asString("").equals("poison")) {
        failures.add(review.eventId());
        throw new IllegalStateException("cannot count poison");
      }
      handled.computeIfAbsent(review.eventId(), id -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** A consumer whose handler writes to DynamoDB behind a circuit breaker, and pauses its listener while the circuit is open. */
  @Component
  static class GuardedWriter {

    final List<String> written = new CopyOnWriteArrayList<>();
    private final SqsEventListeners listeners;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CircuitBreaker breaker = CircuitBreaker.of("test-dynamodb", CircuitBreakerConfig.custom()
        .slidingWindowSize(4)
        .minimumNumberOfCalls(2)
        .failureRateThreshold(50)
        // As the runtime's "dependency" circuit: probes spaced out, each with one message (a failed one requeued, decision 67).
        .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(2500), 2.0))
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .build());

    GuardedWriter(SqsEventListeners listeners, ListenerPause pause, DynamoDbClient dynamoDb, Topology topology) {
      this.listeners = listeners;
      this.dynamoDb = dynamoDb;
      this.table = topology.table("restaurants").name();
      pause.pauseWhileOpen("guarded", breaker);
    }

    @SqsListener(value = "${test.listener.guarded-queue}", id = "guarded", maxConcurrentMessages = "1", maxMessagesPerPoll = "1")
    void receive(Message<String> message) {
      listeners.handle("guarded-writer", message, this::on, breaker);
    }

    void on(EventEnvelope review) {
      dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
          "restaurantId", AttributeValue.fromS("guarded-" + review.eventId()), "name", AttributeValue.fromS("written"))));
      written.add(review.eventId());
    }
  }

  /** Two listeners paused by one circuit; the first one's handler can be held, so that stopping its container waits for it. */
  @Component
  static class SharedCircuitListeners {

    final CircuitBreaker breaker = CircuitBreaker.of("test-shared", CircuitBreakerConfig.ofDefaults());
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger handled = new AtomicInteger();
    private final SqsEventListeners listeners;

    SharedCircuitListeners(SqsEventListeners listeners, ListenerPause pause) {
      this.listeners = listeners;
      // "held" first: the circuit tells its listeners of a transition in this order.
      pause.pauseWhileOpen("held", breaker);
      pause.pauseWhileOpen("quick", breaker);
    }

    @SqsListener(value = "${test.listener.held-queue}", id = "held", acknowledgementMode = "MANUAL")
    void held(List<Message<String>> batch) {
      listeners.handleTogether("held-writer", batch, events -> {
        holding.countDown();
        release.await(60, TimeUnit.SECONDS);
        handled.addAndGet(events.size());
      }, null);
    }

    @SqsListener(value = "${test.listener.quick-queue}", id = "quick")
    void quick(Message<String> message) {}
  }

  /** A consumer as a service writes one: an @SqsListener method handing over to SqsEventListeners. */
  @Component
  static class ReviewCounter {

    private static final tools.jackson.databind.ObjectMapper MAPPER = new tools.jackson.databind.ObjectMapper();

    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final SqsEventListeners listeners;

    ReviewCounter(SqsEventListeners listeners) {
      this.listeners = listeners;
    }

    @SqsListener("${test.listener.queue}")
    void receive(Message<String> message) throws Exception {
      String eventId = MAPPER.readTree(message.getPayload()).path("detail").path("eventId").asString("");
      deliveries.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
      listeners.handle("review-counter", message, this::on);
    }

    void on(EventEnvelope review) {
      if (review.data().path("restaurantId").asString("").equals("poison")) {
        failures.add(review.eventId());
        throw new IllegalStateException("cannot count poison");
      }
      handled.computeIfAbsent(review.eventId(), id -> new AtomicInteger()).incrementAndGet();
    }
  }
}
