package com.bellyfed.events.listener;

import com.bellyfed.events.consuming.BatchEventHandler;
import com.bellyfed.events.consuming.EventHandler;
import com.bellyfed.events.consuming.InboundMessage;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.consuming.ReliableConsumer.Outcome;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import java.util.ArrayList;
import java.util.List;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What an {@code @SqsListener} method calls with the message it received:
 *
 * <pre>{@code
 * @SqsListener("${bellyfed.queues.rating}")
 * void receive(Message<String> message) {
 *   listeners.handle("rating-aggregator", message, ratings::on);
 * }
 * }</pre>
 *
 * Returning lets Spring Cloud AWS acknowledge (delete) the message; a handler failure, after the
 * consumer pushed the message's visibility out, is rethrown as {@link RetryLaterException} so that
 * it is not.
 */
public final class SqsEventListeners {

  private final ReliableConsumer consumer;
  private final @Nullable QueueAges queueAges;

  public SqsEventListeners(ReliableConsumer consumer) {
    this(consumer, null);
  }

  /** As above, telling {@code queueAges} about every message received. */
  public SqsEventListeners(ReliableConsumer consumer, @Nullable QueueAges queueAges) {
    this.consumer = consumer;
    this.queueAges = queueAges;
  }

  public Outcome handle(String consumerName, Message<?> message, EventHandler handler) {
    return handle(consumerName, message, handler, null);
  }

  /** As {@link #handle(String, Message, EventHandler)}, counting outcomes towards the handler's dependency circuit. */
  public Outcome handle(String consumerName, Message<?> message, EventHandler handler, @Nullable CircuitBreaker dependency) {
    Outcome outcome = consumer.handle(consumerName, received(message), handler, dependency);
    if (outcome == Outcome.RETRY_LATER) {
      throw new RetryLaterException(consumerName + " failed; the message comes back after its backoff");
    }
    return outcome;
  }

  /**
   * For batch listeners with {@code acknowledgementMode = "MANUAL"}: handles each message on its own
   * and deletes exactly those that need not come back, so one failing message does not bring the
   * other nine back with it. The messages are deleted at once ({@link ReliableConsumer#delete}),
   * not through the container's acknowledgement, which loses what it buffers when the container
   * stops.
   *
   * <pre>{@code
   * @SqsListener(value = "dev-rating-queue", acknowledgementMode = "MANUAL")
   * void receive(List<Message<String>> batch) {
   *   listeners.handleBatch("rating-aggregator", batch, ratings::on, null);
   * }
   * }</pre>
   */
  public <T> List<Outcome> handleBatch(
      String consumerName, List<Message<T>> batch, EventHandler handler, @Nullable CircuitBreaker dependency) {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    for (Message<T> message : batch) {
      outcomes.add(consumer.handle(consumerName, received(message), handler, dependency));
    }
    return deleteDone(batch, outcomes);
  }

  /**
   * For batch listeners with {@code acknowledgementMode = "MANUAL"} whose handler takes the whole
   * poll at once ({@link ReliableConsumer#handleTogether}): deletes every message that need not
   * come back, as {@link #handleBatch} does.
   *
   * <pre>{@code
   * @SqsListener(value = "dev-archive-queue", acknowledgementMode = "MANUAL")
   * void receive(List<Message<String>> batch) {
   *   listeners.handleTogether("event-archive", batch, archive::storeAll, null);
   * }
   * }</pre>
   */
  public <T> List<Outcome> handleTogether(
      String consumerName, List<Message<T>> batch, BatchEventHandler handler, @Nullable CircuitBreaker dependency) {
    List<Outcome> outcomes = consumer.handleTogether(consumerName, batch.stream().map(this::received).toList(), handler, dependency);
    return deleteDone(batch, outcomes);
  }

  /** Deletes messages a MANUAL batch listener is done with otherwise (e.g. sent to the DLQ itself), as {@link #handleBatch} does. */
  public <T> void delete(List<Message<T>> messages) {
    if (!messages.isEmpty()) {
      consumer.delete(messages.stream().map(SqsEventListeners::inbound).toList());
    }
  }

  /** Deletes every message whose outcome is not RETRY_LATER; returns the outcomes. */
  private <T> List<Outcome> deleteDone(List<Message<T>> batch, List<Outcome> outcomes) {
    List<Message<T>> done = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes.get(i) != Outcome.RETRY_LATER) {
        done.add(batch.get(i));
      }
    }
    delete(done);
    return outcomes;
  }

  private InboundMessage received(Message<?> message) {
    InboundMessage inbound = inbound(message);
    if (queueAges != null) {
      queueAges.received(inbound.queueUrl(), message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER,
          software.amazon.awssdk.services.sqs.model.Message.class));
    }
    return inbound;
  }

  static InboundMessage inbound(Message<?> message) {
    software.amazon.awssdk.services.sqs.model.Message raw =
        message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
    String queueUrl = message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER, String.class);
    if (raw == null || queueUrl == null) {
      throw new IllegalArgumentException("Not a message of a Spring Cloud AWS SQS listener: its SQS headers are missing");
    }
    String receiveCount = raw.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return new InboundMessage(queueUrl, raw.messageId(), raw.receiptHandle(), raw.body(), receiveCount == null ? 1 : Integer.parseInt(receiveCount));
  }
}
