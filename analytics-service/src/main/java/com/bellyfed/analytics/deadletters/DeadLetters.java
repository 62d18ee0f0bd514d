package com.bellyfed.analytics.deadletters;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/**
 * Every dead-letter queue of the topology: its depth (also a gauge, {@code bellyfed.dlq.messages}),
 * a peek at its messages, redrive to the flow's queue and deletion after review.
 *
 * <p>SQS has no true peek: a message can only be seen by receiving it. A peek receives with a
 * visibility timeout of 0, so each message stays visible to everyone; the price is that SQS counts
 * the receive (its ApproximateReceiveCount grows by one per peek) and that one peek sees at most the
 * ten messages SQS hands out, usually the same ten. A dead-letter queue has no redrive policy, so the
 * extra receives move nothing.
 */
@Component
public class DeadLetters implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final List<String> REASON_ATTRIBUTES = List.of("ValidationError", "ParseError", "ERROR_MESSAGE", "ERROR_CODE");
  /** How many receives a targeted delete or redrive makes to find its messages. */
  private static final int SEARCH_RECEIVES = 20;

  private final SqsClient sqs;
  private final Topology topology;
  private final Clock clock;
  private final Map<String, QueueDefinition> deadLetterQueues = new LinkedHashMap<>();
  private final Map<String, String> urls = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
  private final Duration pollInterval;
  private final AtomicBoolean polling = new AtomicBoolean();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "dlq-depth-poller");
    thread.setDaemon(true);
    return thread;
  });

  DeadLetters(SqsClient sqs, Topology topology, Clock clock, MeterRegistry registry, AnalyticsSettings settings) {
    this.sqs = sqs;
    this.topology = topology;
    this.clock = clock;
    for (QueueDefinition queue : topology.queues()) {
      if (queue.deadLetter()) {
        deadLetterQueues.put(queue.name(), queue);
        AtomicLong depth = new AtomicLong();
        depths.put(queue.name(), depth);
        Gauge.builder("bellyfed.dlq.messages", depth, AtomicLong::get)
            .description("Messages in a dead-letter queue, visible or not")
            .tag("queue", queue.name())
            .tag("flow", queue.flow())
            .register(registry);
      }
    }
    this.pollInterval = settings.dlqPollInterval();
  }

  /**
   * The depths are read from the moment the service is ready, not while it starts: the first round's SQS calls
   * (a queue URL and the attributes of every dead-letter queue) would compete with the start for the CPU, and a
   * context that fails to start never polls. The gauges exist from construction on, at 0 until the first round.
   */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (polling.compareAndSet(false, true)) {
      poller.scheduleWithFixedDelay(this::refreshDepths, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** One dead-letter queue: where its messages came from, how many it holds, how old the oldest one seen is. */
  public record Summary(String name, String flow, String sourceQueue, long messages, long inFlight, @Nullable Long oldestAgeSeconds) {}

  /** One message as a peek shows it. */
  public record Peeked(
      String messageId, String body, Map<String, String> attributes, int receiveCount, @Nullable Instant sentAt,
      String sourceQueue, String firstFailureReason) {}

  /** What a redrive did: a move task for "all", or the ids moved and those not found. */
  public record Redrive(@Nullable String taskHandle, @Nullable Long approximateMessages, List<String> moved, List<String> notFound) {}

  public List<Summary> list() {
    List<Summary> summaries = new ArrayList<>();
    for (QueueDefinition queue : deadLetterQueues.values()) {
      Map<QueueAttributeName, String> attributes = attributes(queue.name());
      long visible = Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
      long inFlight = Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
      Long oldest = null;
      if (visible > 0) {
        // SQS offers no age-of-oldest attribute (CloudWatch has it): the oldest of up to ten peeked messages.
        oldest = receive(queue.name(), 0).stream()
            .map(DeadLetters::sentAt).filter(java.util.Objects::nonNull)
            .map(sent -> Duration.between(sent, clock.instant()).toSeconds())
            .max(Long::compare).orElse(null);
      }
      summaries.add(new Summary(queue.name(), queue.flow(), topology.queue(queue.flow()).name(), visible, inFlight, oldest));
    }
    return summaries;
  }

  /** Up to {@code limit} (at most 10) messages, left in the queue and visible. */
  public List<Peeked> peek(String name, int limit) {
    QueueDefinition queue = require(name);
    Map<String, Peeked> seen = new LinkedHashMap<>();
    for (int attempt = 0; attempt < 3 && seen.size() < limit; attempt++) {
      List<Message> messages = receive(name, 0);
      if (messages.isEmpty()) {
        break;
      }
      for (Message message : messages) {
        if (seen.size() < limit) {
          seen.putIfAbsent(message.messageId(), peeked(queue, message));
        }
      }
    }
    return List.copyOf(seen.values());
  }

  /**
   * Moves every message back to the flow's queue with SQS's StartMessageMoveTask, or the given ones
   * one by one (send to the source queue, then delete from the DLQ: a crash in between duplicates a
   * message, which the consumers' idempotency by event id absorbs; nothing is lost).
   */
  public Redrive redrive(String name, @Nullable Collection<String> messageIds) {
    QueueDefinition queue = require(name);
    String source = topology.queue(queue.flow()).name();
    if (messageIds == null || messageIds.isEmpty()) {
      long messages = Long.parseLong(attributes(name).getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
      StartMessageMoveTaskResponse task = sqs.startMessageMoveTask(request -> request.sourceArn(arn(name)).destinationArn(arn(source)));
      log.info("Redriving {} messages of {} to {} (task {})", messages, name, source, task.taskHandle());
      return new Redrive(task.taskHandle(), messages, List.of(), List.of());
    }
    List<String> moved = new ArrayList<>();
    Map<String, Message> found = find(name, Set.copyOf(messageIds));
    for (Message message : found.values()) {
      sqs.sendMessage(request -> request.queueUrl(url(source)).messageBody(message.body()));
      sqs.deleteMessage(request -> request.queueUrl(url(name)).receiptHandle(message.receiptHandle()));
      moved.add(message.messageId());
    }
    List<String> notFound = messageIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
    return new Redrive(null, null, moved, notFound);
  }

  /** Deletes one reviewed message; false when it is not (or no longer) in the queue. */
  public boolean delete(String name, String messageId) {
    require(name);
    Message message = find(name, Set.of(messageId)).get(messageId);
    if (message == null) {
      return false;
    }
    sqs.deleteMessage(request -> request.queueUrl(url(name)).receiptHandle(message.receiptHandle()));
    return true;
  }

  /**
   * Sends a message a consumer cannot handle straight to its flow's dead-letter queue, with the
   * reason, the source queue and the consumer in its attributes.
   */
  public void reject(String flow, String sourceQueueUrl, String body, String consumer, String reason) {
    String deadLetterQueue = topology.deadLetterQueue(flow).name();
    sqs.sendMessage(request -> request.queueUrl(url(deadLetterQueue)).messageBody(body).messageAttributes(Map.of(
        "ValidationError", text(reason.length() > 1000 ? reason.substring(0, 1000) : reason),
        "SourceQueue", text(sourceQueueUrl),
        "Consumer", text(consumer))));
    log.warn("Consumer {} sent an invalid message to {}: {}", consumer, deadLetterQueue, reason);
  }

  /** Receives until every wanted message is held (invisible for 30 s) or the queue seems exhausted; the others are made visible again. */
  private Map<String, Message> find(String name, Set<String> wanted) {
    Map<String, Message> found = new LinkedHashMap<>();
    List<Message> others = new ArrayList<>();
    try {
      for (int i = 0; i < SEARCH_RECEIVES && found.size() < wanted.size(); i++) {
        List<Message> messages = receive(name, 30);
        if (messages.isEmpty()) {
          break;
        }
        for (Message message : messages) {
          if (wanted.contains(message.messageId())) {
            found.put(message.messageId(), message);
          } else {
            others.add(message);
          }
        }
      }
    } finally {
      release(name, others);
    }
    return found;
  }

  private void release(String name, List<Message> messages) {
    for (int from = 0; from < messages.size(); from += 10) {
      List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
            .id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
      }
      sqs.changeMessageVisibilityBatch(request -> request.queueUrl(url(name)).entries(entries));
    }
  }

  private List<Message> receive(String name, int visibilityTimeout) {
    return sqs.receiveMessage(request -> request.queueUrl(url(name))
        .maxNumberOfMessages(10)
        .visibilityTimeout(visibilityTimeout)
        .waitTimeSeconds(0)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All")).messages();
  }

  private Peeked peeked(QueueDefinition queue, Message message) {
    Map<String, String> attributes = new LinkedHashMap<>();
    message.messageAttributes().forEach((key, value) -> attributes.put(key, value.stringValue()));
    String receiveCount = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    String sourceArn = message.attributes().get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN);
    String source = attributes.containsKey("SourceQueue")
        ? attributes.get("SourceQueue").substring(attributes.get("SourceQueue").lastIndexOf('/') + 1)
        : sourceArn != null ? sourceArn.substring(sourceArn.lastIndexOf(':') + 1) : topology.queue(queue.flow()).name();
    String reason = REASON_ATTRIBUTES.stream().map(attributes::get).filter(java.util.Objects::nonNull).findFirst()
        .orElse("received " + topology.queue(queue.flow()).redrive().maxReceiveCount()
            + " times without being handled; SQS moved it here (the consumer's log names each failure)");
    return new Peeked(message.messageId(), message.body(), attributes,
        receiveCount == null ? 0 : Integer.parseInt(receiveCount), sentAt(message), source, reason);
  }

  private static @Nullable Instant sentAt(Message message) {
    String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    return sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
  }

  private QueueDefinition require(String name) {
    QueueDefinition queue = deadLetterQueues.get(name);
    if (queue == null) {
      throw new UnknownDeadLetterQueueException(name);
    }
    return queue;
  }

  private void refreshDepths() {
    for (String name : deadLetterQueues.keySet()) {
      try {
        Map<QueueAttributeName, String> attributes = attributes(name);
        depths.get(name).set(Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
            + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
      } catch (RuntimeException e) {
        log.debug("Could not read the depth of {}: {}", name, e.toString());
      }
    }
  }

  private Map<QueueAttributeName, String> attributes(String name) {
    return sqs.getQueueAttributes(request -> request.queueUrl(url(name)).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
  }

  private String url(String name) {
    return urls.computeIfAbsent(name, queue -> sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl());
  }

  private String arn(String name) {
    return sqs.getQueueAttributes(request -> request.queueUrl(url(name)).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
