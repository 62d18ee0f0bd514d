package com.bellyfed.write.support;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A private queue and rule on a bus (its name from the topology) that catch the events a test
 * caused, so that a test sees exactly its own events although every test shares the topology.
 */
public final class EventTap implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final LocalAws localAws;
  private final String bus;
  private final String rule;
  private final String queueUrl;
  private final EnvelopeJson json = new EnvelopeJson();

  private EventTap(LocalAws localAws, String bus, String rule, String queueUrl) {
    this.localAws = localAws;
    this.bus = bus;
    this.rule = rule;
    this.queueUrl = queueUrl;
  }

  /** Catches the events of one correlation id on the bus of {@code domain}. */
  public static EventTap correlation(LocalAws localAws, String domain, String correlationId) {
    return on(localAws, domain, "{\"detail\":{\"correlationId\":[\"" + correlationId + "\"]}}");
  }

  /** Catches the events matching an EventBridge pattern on the bus of {@code domain}. */
  public static EventTap on(LocalAws localAws, String domain, String pattern) {
    String bus = localAws.topology().bus(domain).name();
    String name = "tap-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    String arn =
        localAws.sqs().getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes().get(QueueAttributeName.QUEUE_ARN);
    localAws.eventBridge().putRule(request -> request.name(name).eventBusName(bus).eventPattern(pattern));
    localAws.eventBridge().putTargets(request -> request.rule(name).eventBusName(bus).targets(Target.builder().id("tap").arn(arn).build()));
    return new EventTap(localAws, bus, name, queueUrl);
  }

  /** Receives until {@code count} events arrived, returning every one received (duplicates included). */
  public List<EventEnvelope> await(int count, Duration timeout) {
    List<EventEnvelope> received = new ArrayList<>();
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
      received.addAll(receive(1));
      return received.size() >= count;
    });
    return received;
  }

  /** Whatever else arrives within a second. */
  public List<EventEnvelope> more() {
    return receive(1);
  }

  /** The raw EventBridge events (JSON bodies) received until {@code count} arrived. */
  public List<String> awaitRaw(int count, Duration timeout) {
    List<String> received = new ArrayList<>();
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
      received.addAll(receiveRaw(1).stream().map(Message::body).toList());
      return received.size() >= count;
    });
    return received;
  }

  private List<EventEnvelope> receive(int waitSeconds) {
    List<EventEnvelope> envelopes = new ArrayList<>();
    for (Message message : receiveRaw(waitSeconds)) {
      try {
        JsonNode event = MAPPER.readTree(message.body());
        envelopes.add(json.read(event.path("detail").toString()));
      } catch (Exception e) {
        throw new IllegalStateException("Not an EventBridge event: " + message.body(), e);
      }
    }
    return envelopes;
  }

  private List<Message> receiveRaw(int waitSeconds) {
    List<Message> messages =
        localAws.sqs().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
            .messages();
    if (!messages.isEmpty()) {
      localAws.sqs().deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(
          messages.stream().map(message -> DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(messages.indexOf(message))).receiptHandle(message.receiptHandle()).build()).toList()));
    }
    return messages;
  }

  @Override
  public void close() {
    localAws.eventBridge().removeTargets(request -> request.rule(rule).eventBusName(bus).ids("tap"));
    localAws.eventBridge().deleteRule(request -> request.name(rule).eventBusName(bus));
    localAws.sqs().deleteQueue(request -> request.queueUrl(queueUrl));
  }
}
