package com.bellyfed.events.consuming;

import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.envelope.TracePropagation;
import tools.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Handles one SQS message carrying an EventBridge event the way every Bellyfed consumer must: the
 * event is unwrapped into its envelope; a message that cannot be parsed goes to the queue's
 * dead-letter queue at once, with the parse error in its attributes; a duplicate is acknowledged
 * without running the handler; the handler runs with the event's correlation id in the MDC (and the
 * event as the cause of whatever it publishes); a failure pushes the message's visibility out
 * exponentially, so that after the queue's third receive SQS moves it to the dead-letter queue.
 *
 * <p>Framework-free: a Spring Cloud AWS {@code @SqsListener} method (or any poller) passes each
 * message in and deletes it unless the outcome is {@link Outcome#RETRY_LATER}.
 */
public final class ReliableConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReliableConsumer.class);

  private final SqsClient sqs;
  private final IdempotencyGuard guard;
  private final EnvelopeJson json;
  private final ConsumerSettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private final TracePropagation tracing;
  private final ConcurrentMap<String, String> deadLetterQueues = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sqs-visibility-heartbeat");
    thread.setDaemon(true);
    return thread;
  });

  /** What became of a message; only RETRY_LATER must not be deleted. */
  public enum Outcome {
    HANDLED,
    DUPLICATE,
    DEAD_LETTERED,
    /** Not handled because the dependency's circuit was open, or failed as its probe: a fresh copy is in the queue, so this one goes. */
    REQUEUED,
    RETRY_LATER
  }

  public ReliableConsumer(
      SqsClient sqs, IdempotencyGuard guard, EnvelopeJson json, ConsumerSettings settings, Clock clock, MeterRegistry registry) {
    this(sqs, guard, json, settings, clock, registry, TracePropagation.NONE);
  }

  /** As above; each event's handler runs in a span that continues the trace its envelope carries. */
  public ReliableConsumer(
      SqsClient sqs, IdempotencyGuard guard, EnvelopeJson json, ConsumerSettings settings, Clock clock, MeterRegistry registry,
      TracePropagation tracing) {
    this.tracing = tracing;
    this.sqs = sqs;
    this.guard = guard;
    this.json = json;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
  }

  public Outcome handle(String consumer, InboundMessage message, EventHandler handler) {
    return handle(consumer, message, handler, null);
  }

  /**
   * Handles a message whose handler depends on something guarded by {@code dependency}: the guard's
   * and the handler's outcomes count towards that circuit, and while it is open the handler is not
   * run (a listener should also stop polling then; see {@code ListenerPause}).
   */
  public Outcome handle(String consumer, InboundMessage message, EventHandler handler, @Nullable CircuitBreaker dependency) {
    EventEnvelope event;
    try {
      event = unwrap(message.body()).envelope();
    } catch (IllegalArgumentException unparseable) {
      deadLetter(consumer, message, unparseable.getMessage());
      return Outcome.DEAD_LETTERED;
    }
    return tracing.continueTrace(event, "consume " + consumer,
        () -> Correlation.forEvent(event, () -> process(consumer, message, event, handler, dependency)));
  }

  private Outcome process(
      String consumer, InboundMessage message, EventEnvelope event, EventHandler handler, @Nullable CircuitBreaker dependency) {
    if (dependency != null && !dependency.tryAcquirePermission()) {
      counter("bellyfed.events.consumer.deferred", consumer).increment();
      return requeue(consumer, message, event, "circuit " + dependency.getName() + " is open");
    }
    boolean probe = isHalfOpen(dependency);
    long started = System.nanoTime();
    try {
      if (guard.seen(consumer, event.eventId())) {
        succeeded(dependency, started);
        counter("bellyfed.events.consumed.duplicates", consumer).increment();
        return Outcome.DUPLICATE;
      }
      registry.timer("bellyfed.events.consumer.lag", "consumer", consumer)
          .record(Duration.between(event.timestamp(), clock.instant()).abs());
      ScheduledFuture<?> heartbeat = startHeartbeat(message);
      try {
        handler.on(event);
      } finally {
        heartbeat.cancel(false);
      }
      guard.record(consumer, event.eventId());
    } catch (Exception failure) {
      if (dependency != null) {
        dependency.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
      }
      registry.timer("bellyfed.events.handler.duration", "consumer", consumer, "outcome", "failure")
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      counter("bellyfed.events.handler.failures", consumer).increment();
      if (probe && isOpen(dependency)) {
        return requeue(consumer, message, event, "the probe of circuit " + dependency.getName() + " failed: " + failure);
      }
      backOff(consumer, message, event, failure.toString());
      return Outcome.RETRY_LATER;
    }
    succeeded(dependency, started);
    registry.timer("bellyfed.events.handler.duration", "consumer", consumer, "outcome", "success")
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    counter("bellyfed.events.consumed", consumer).increment();
    return Outcome.HANDLED;
  }

  /**
   * Handles the messages of one poll with one call of {@code handler}, whose effect is idempotent by
   * event id on its own (see {@link BatchEventHandler}): no guard read or record per event, which is
   * what makes a batch cheap. An unparseable message goes to the dead-letter queue; an event that
   * occurs twice in the batch is handed over once (the other copy is a DUPLICATE). When the handler
   * fails on the batch, each of its events is handed over again alone, so that one poisonous event
   * does not take the others of its poll to the dead-letter queue with it; only those that fail
   * alone back off. While {@code dependency}'s circuit is open the handler is not run and the
   * messages are requeued (see {@link #requeue}). Returns each message's outcome, in order. The handler runs without a correlation id in the MDC: its events
   * have one each.
   */
  public List<Outcome> handleTogether(
      String consumer, List<InboundMessage> messages, BatchEventHandler handler, @Nullable CircuitBreaker dependency) {
    Outcome[] outcomes = new Outcome[messages.size()];
    List<DeliveredEvent> events = new ArrayList<>(messages.size());
    List<Integer> positions = new ArrayList<>(messages.size());
    Set<String> eventIds = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      InboundMessage message = messages.get(i);
      DeliveredEvent event;
      try {
        event = unwrap(message.body());
      } catch (IllegalArgumentException unparseable) {
        deadLetter(consumer, message, unparseable.getMessage());
        outcomes[i] = Outcome.DEAD_LETTERED;
        continue;
      }
      if (!eventIds.add(event.envelope().eventId())) {
        counter("bellyfed.events.consumed.duplicates", consumer).increment();
        outcomes[i] = Outcome.DUPLICATE;
        continue;
      }
      events.add(event);
      positions.add(i);
    }
    if (events.isEmpty()) {
      return Arrays.asList(outcomes);
    }
    List<InboundMessage> handed = positions.stream().map(messages::get).toList();
    Attempt batch = runTogether(consumer, handed, events, handler, dependency);
    for (int j = 0; j < events.size(); j++) {
      Attempt attempt = batch;
      if (batch.failure() != null && !batch.denied() && events.size() > 1) {
        attempt = runTogether(consumer, List.of(handed.get(j)), List.of(events.get(j)), handler, dependency);
      }
      if (attempt.failure() == null) {
        outcomes[positions.get(j)] = Outcome.HANDLED;
      } else if (attempt.denied()) {
        InboundMessage message = handed.get(j);
        EventEnvelope event = events.get(j).envelope();
        String failure = attempt.failure();
        outcomes[positions.get(j)] = Correlation.forEvent(event, () -> requeue(consumer, message, event, failure));
      } else {
        InboundMessage message = handed.get(j);
        EventEnvelope event = events.get(j).envelope();
        String failure = attempt.failure();
        Correlation.forEvent(event, () -> backOff(consumer, message, event, failure));
        outcomes[positions.get(j)] = Outcome.RETRY_LATER;
      }
    }
    return Arrays.asList(outcomes);
  }

  /**
   * How a run of the handler went: {@code failure} is null when it succeeded; {@code denied} when the circuit did not
   * let it run, or the run was the circuit's probe and failed (see {@link #isHalfOpen}): the events only wait for their
   * dependency, so they are requeued, not retried alone.
   */
  private record Attempt(@Nullable String failure, boolean denied) {

    static final Attempt SUCCEEDED = new Attempt(null, false);
  }

  /** Runs the handler on the events of {@code messages}. */
  private Attempt runTogether(
      String consumer, List<InboundMessage> messages, List<DeliveredEvent> events, BatchEventHandler handler,
      @Nullable CircuitBreaker dependency) {
    if (dependency != null && !dependency.tryAcquirePermission()) {
      counter("bellyfed.events.consumer.deferred", consumer).increment(events.size());
      return new Attempt("circuit " + dependency.getName() + " is open", true);
    }
    boolean probe = isHalfOpen(dependency);
    long started = System.nanoTime();
    Instant now = clock.instant();
    events.forEach(event -> registry.timer("bellyfed.events.consumer.lag", "consumer", consumer)
        .record(Duration.between(event.envelope().timestamp(), now).abs()));
    ScheduledFuture<?> heartbeat = startHeartbeat(messages);
    try {
      handler.on(List.copyOf(events));
    } catch (Exception failure) {
      if (dependency != null) {
        dependency.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
      }
      registry.timer("bellyfed.events.handler.duration", "consumer", consumer, "outcome", "failure")
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      counter("bellyfed.events.handler.failures", consumer).increment(events.size());
      return new Attempt(failure.toString(), probe && isOpen(dependency));
    } finally {
      heartbeat.cancel(false);
    }
    succeeded(dependency, started);
    registry.timer("bellyfed.events.handler.duration", "consumer", consumer, "outcome", "success")
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    counter("bellyfed.events.consumed", consumer).increment(events.size());
    return Attempt.SUCCEEDED;
  }

  /**
   * Deletes handled messages at once, with DeleteMessageBatch, rather than through the listener
   * container's acknowledgement: Spring Cloud AWS 4.1 drops the acknowledgements it still buffers
   * when its container stops (as {@code ListenerPause} does), and a stored event whose message
   * stays in the queue comes back, one receive nearer to the dead-letter queue. A failed delete is
   * logged; the message then comes back and its consumer, idempotent by event id, acknowledges it.
   */
  public void delete(List<InboundMessage> messages) {
    Map<String, List<InboundMessage>> byQueue = new LinkedHashMap<>();
    messages.forEach(message -> byQueue.computeIfAbsent(message.queueUrl(), url -> new ArrayList<>()).add(message));
    byQueue.forEach((queueUrl, queued) -> {
      for (int from = 0; from < queued.size(); from += 10) {
        List<InboundMessage> chunk = queued.subList(from, Math.min(queued.size(), from + 10));
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
          entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
        }
        try {
          sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed().forEach(failed -> log.warn(
              "Could not delete message {} of {}: {} {}", chunk.get(Integer.parseInt(failed.id())).messageId(), queueUrl, failed.code(),
              failed.message()));
        } catch (RuntimeException deleteFailed) {
          log.warn("Could not delete {} messages of {}: {}", chunk.size(), queueUrl, deleteFailed.toString());
        }
      }
    });
  }

  private ScheduledFuture<?> startHeartbeat(InboundMessage message) {
    return startHeartbeat(List.of(message));
  }

  /** Keeps a long handler's messages invisible, so that they are not delivered again while still running. */
  private ScheduledFuture<?> startHeartbeat(List<InboundMessage> messages) {
    long interval = settings.heartbeatInterval().toMillis();
    int visibility = (int) settings.heartbeatVisibility().toSeconds();
    return heartbeats.scheduleAtFixedRate(() -> {
      for (InboundMessage message : messages) {
        try {
          sqs.changeMessageVisibility(request -> request.queueUrl(message.queueUrl()).receiptHandle(message.receiptHandle())
              .visibilityTimeout(visibility));
        } catch (RuntimeException e) {
          log.warn("Could not extend the visibility of message {}: {}", message.messageId(), e.toString());
        }
      }
    }, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
  }

  /**
   * Whether a call now is the circuit's half-open probe. When the probe fails (the circuit opens again), its message
   * did not fail: its dependency is still down, and it is requeued like the messages the open circuit did not let run.
   * Otherwise every probe of a long outage cost its message a receive, and a message picked as the probe three times
   * went to the dead-letter queue while nothing was wrong with it.
   */
  private static boolean isHalfOpen(@Nullable CircuitBreaker dependency) {
    return dependency != null && dependency.getState() == CircuitBreaker.State.HALF_OPEN;
  }

  private static boolean isOpen(@Nullable CircuitBreaker dependency) {
    if (dependency == null) {
      return false;
    }
    CircuitBreaker.State state = dependency.getState();
    return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
  }

  private static void succeeded(@Nullable CircuitBreaker dependency, long started) {
    if (dependency != null) {
      dependency.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Puts a message whose handler the open circuit did not let run, or whose handler failed as the
   * circuit's half-open probe (see {@link #isHalfOpen}), back in the queue as a fresh copy, delayed
   * by the first backoff, for the caller to delete the original: SQS counts every receive, and a message that only waited for its dependency must not get nearer to the
   * dead-letter queue (a listener paused with {@code ListenerPause} still receives the polls in
   * flight when it stops and, once half-open, the polls beside the probe). A consumer idempotent
   * by event id takes the copy for what it is. The copy has no message attributes (EventBridge
   * rules deliver none). When the copy cannot be sent, the message backs off as after a failure.
   */
  private Outcome requeue(String consumer, InboundMessage message, EventEnvelope event, String reason) {
    int delay = (int) Math.min(settings.firstBackoff().toSeconds(), 900);
    try {
      sqs.sendMessage(request -> request.queueUrl(message.queueUrl()).messageBody(message.body()).delaySeconds(delay));
    } catch (RuntimeException sendFailed) {
      log.warn("Could not requeue message {}: {}", message.messageId(), sendFailed.toString());
      backOff(consumer, message, event, reason);
      return Outcome.RETRY_LATER;
    }
    counter("bellyfed.events.consumer.requeued", consumer).increment();
    log.info("Consumer {} requeued event {} ({}), receive {}, due in {} s: {}",
        consumer, event.eventId(), event.eventType(), message.receiveCount(), delay, reason);
    return Outcome.REQUEUED;
  }

  /** Pushes the message's visibility out, doubling with every receive, so SQS redrives it after the third. */
  private void backOff(String consumer, InboundMessage message, EventEnvelope event, String reason) {
    Duration backoff = settings.backoff(message.receiveCount());
    log.warn(
        "Consumer {} did not handle event {} ({}), receive {}; visible again in {} s: {}",
        consumer, event.eventId(), event.eventType(), message.receiveCount(), backoff.toSeconds(), reason);
    try {
      sqs.changeMessageVisibility(request -> request.queueUrl(message.queueUrl()).receiptHandle(message.receiptHandle())
          .visibilityTimeout((int) backoff.toSeconds()));
    } catch (RuntimeException visibilityFailed) {
      // The queue's own visibility timeout brings the message back instead.
      log.warn("Could not back off message {}: {}", message.messageId(), visibilityFailed.toString());
    }
  }

  /** The envelope in the {@code detail} of the EventBridge event a rule delivered, with its detail-type. */
  private DeliveredEvent unwrap(String body) {
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (Exception e) {
      throw new IllegalArgumentException("Body is not JSON: " + e.getMessage());
    }
    if (event == null || !event.path("detail").isObject()) {
      throw new IllegalArgumentException("Body is not an EventBridge event: it has no detail object");
    }
    return new DeliveredEvent(json.read(event.path("detail").toString()), event.path("detail-type").asString("Unknown"));
  }

  private void deadLetter(String consumer, InboundMessage message, String reason) {
    counter("bellyfed.events.consumed.unparseable", consumer).increment();
    String deadLetterQueue = deadLetterQueues.computeIfAbsent(message.queueUrl(), this::deadLetterQueueOf);
    sqs.sendMessage(request -> request.queueUrl(deadLetterQueue).messageBody(message.body()).messageAttributes(Map.of(
        "ParseError", text(reason.length() > 1000 ? reason.substring(0, 1000) : reason),
        "SourceQueue", text(message.queueUrl()),
        "Consumer", text(consumer))));
    log.warn("Consumer {} sent unparseable message {} to {}: {}", consumer, message.messageId(), deadLetterQueue, reason);
  }

  /** The queue's dead-letter queue, from its redrive policy. */
  private String deadLetterQueueOf(String queueUrl) {
    String policy = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
        .attributes().get(QueueAttributeName.REDRIVE_POLICY);
    if (policy == null) {
      throw new IllegalStateException("Queue " + queueUrl + " has no redrive policy, so no dead-letter queue");
    }
    try {
      String arn = json.readTree(policy).path("deadLetterTargetArn").asString("");
      String name = arn.substring(arn.lastIndexOf(':') + 1);
      return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the redrive policy of " + queueUrl + ": " + policy, e);
    }
  }

  private Counter counter(String name, String consumer) {
    return registry.counter(name, "consumer", consumer);
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
