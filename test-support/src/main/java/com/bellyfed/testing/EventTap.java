package com.bellyfed.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * A private queue and rule on a bus that catch the events a test caused, so that a test sees
 * exactly its own events although every test shares the topology. In the style of Spring Modulith's
 * {@code Scenario}: stimulate, then wait for the event.
 *
 * <pre>{@code
 * try (EventTap tap = EventTap.correlation(sqs, eventBridge, bus, correlationId)) {
 *   TappedEvent created = tap.stimulate(() -> api.post(...)).andWaitForEventOfType("restaurant.review.created");
 * }
 * }</pre>
 *
 * Every event received is kept ({@link #received}), in arrival order, duplicates included.
 */
public final class EventTap implements AutoCloseable {

  /** How long a wait lasts unless the test says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SqsClient sqs;
  private final EventBridgeClient eventBridge;
  private final String bus;
  private final String rule;
  private final String queueUrl;
  private final List<TappedEvent> received = new CopyOnWriteArrayList<>();

  private EventTap(SqsClient sqs, EventBridgeClient eventBridge, String bus, String rule, String queueUrl) {
    this.sqs = sqs;
    this.eventBridge = eventBridge;
    this.bus = bus;
    this.rule = rule;
    this.queueUrl = queueUrl;
  }

  /** Catches the events of one correlation id on {@code bus}. */
  public static EventTap correlation(SqsClient sqs, EventBridgeClient eventBridge, String bus, String correlationId) {
    return on(sqs, eventBridge, bus, "{\"detail\":{\"correlationId\":[\"" + correlationId + "\"]}}");
  }

  /** Catches the events matching an EventBridge pattern on {@code bus}. */
  public static EventTap on(SqsClient sqs, EventBridgeClient eventBridge, String bus, String pattern) {
    return create(sqs, eventBridge, bus, pattern);
  }

  /** A private bus of its own ({@link #bus}) whose every event the tap catches. */
  public static EventTap newBus(SqsClient sqs, EventBridgeClient eventBridge) {
    String name = "tap-bus-" + UUID.randomUUID().toString().substring(0, 8);
    eventBridge.createEventBus(request -> request.name(name));
    return create(sqs, eventBridge, name, "{\"source\":[{\"prefix\":\"\"}]}");
  }

  private static EventTap create(SqsClient sqs, EventBridgeClient eventBridge, String bus, String pattern) {
    String name = "tap-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = sqs.createQueue(request -> request.queueName(name)).queueUrl();
    String arn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    eventBridge.putRule(request -> request.name(name).eventBusName(bus).eventPattern(pattern));
    eventBridge.putTargets(request -> request.rule(name).eventBusName(bus).targets(Target.builder().id("tap").arn(arn).build()));
    return new EventTap(sqs, eventBridge, bus, name, queueUrl);
  }

  /** The bus the tap listens on. */
  public String bus() {
    return bus;
  }

  /** Runs {@code stimulus} (a request, a publish...), to wait for what it caused next. */
  public <R> Stimulus<R> stimulate(Supplier<R> stimulus) {
    return new Stimulus<>(stimulus.get());
  }

  /** Runs {@code stimulus}, to wait for what it caused next. */
  public Stimulus<Void> stimulate(Runnable stimulus) {
    stimulus.run();
    return new Stimulus<>(null);
  }

  /** What a stimulus returned, and waits for the events it caused. */
  public final class Stimulus<R> {

    private final R result;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Stimulus(R result) {
      this.result = result;
    }

    /** What the stimulus returned (null for a Runnable). */
    public R result() {
      return result;
    }

    public Stimulus<R> within(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The first event of this Bellyfed event type (the envelope's eventType) to arrive. */
    public TappedEvent andWaitForEventOfType(String eventType) {
      return andWaitForEventOfType(eventType, event -> true);
    }

    /** The first event of this type that also matches {@code condition}. */
    public TappedEvent andWaitForEventOfType(String eventType, Predicate<TappedEvent> condition) {
      return awaitFirst(event -> event.eventType().equals(eventType) && condition.test(event), timeout);
    }

    /** The next {@code count} events (and any that came with them). */
    public List<TappedEvent> andWaitForEvents(int count) {
      return await(count, timeout);
    }
  }

  /** The first event received (now or before) that matches {@code condition}, waiting up to {@code timeout}. */
  public TappedEvent awaitFirst(Predicate<TappedEvent> condition, Duration timeout) {
    return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
      receive(1);
      return received.stream().filter(condition).findFirst();
    }, Optional::isPresent).orElseThrow();
  }

  /** Receives until {@code count} more events arrived; returns every one this call received (duplicates included). */
  public List<TappedEvent> await(int count, Duration timeout) {
    List<TappedEvent> arrived = new ArrayList<>();
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
      arrived.addAll(receive(1));
      return arrived.size() >= count;
    });
    return arrived;
  }

  /**
   * Receives what arrives within {@code waitSeconds} (0: what is there now), deleting it from the
   * tap's queue; returns the events of this call.
   */
  public List<TappedEvent> receive(int waitSeconds) {
    List<TappedEvent> events = new ArrayList<>();
    List<Message> messages;
    do {
      messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
          .messages();
      if (!messages.isEmpty()) {
        List<Message> batch = messages;
        sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(
            batch.stream().map(message -> DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(batch.indexOf(message))).receiptHandle(message.receiptHandle()).build()).toList()));
      }
      for (Message message : messages) {
        events.add(new TappedEvent(message.body(), JSON.readTree(message.body())));
      }
      // With a long poll, one receive; without, until the queue is empty.
    } while (waitSeconds == 0 && !messages.isEmpty());
    received.addAll(events);
    return events;
  }

  /** Whatever else arrives within a second: to show that nothing more came. */
  public List<TappedEvent> more() {
    return receive(1);
  }

  /** Every event received so far, in arrival order. */
  public List<TappedEvent> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    eventBridge.removeTargets(request -> request.rule(rule).eventBusName(bus).ids("tap"));
    eventBridge.deleteRule(request -> request.name(rule).eventBusName(bus));
    sqs.deleteQueue(request -> request.queueUrl(queueUrl));
  }
}
