package com.bellyfed.analytics.replay;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A private bus with a rule that sends everything on it to a private queue, to see what a replay publishes. */
final class BusTap implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final String bus;
  private final LocalAws localAws;
  private final String rule;
  private final String queueUrl;

  private BusTap(LocalAws localAws, String bus, String rule, String queueUrl) {
    this.localAws = localAws;
    this.bus = bus;
    this.rule = rule;
    this.queueUrl = queueUrl;
  }

  static BusTap create(LocalAws localAws) {
    String name = "replay-tap-" + UUID.randomUUID().toString().substring(0, 8);
    localAws.eventBridge().createEventBus(request -> request.name(name));
    String queueUrl = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    String arn = localAws.sqs().getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    localAws.eventBridge().putRule(request -> request.name(name).eventBusName(name).eventPattern("{\"source\":[{\"prefix\":\"\"}]}"));
    localAws.eventBridge().putTargets(request -> request.rule(name).eventBusName(name).targets(Target.builder().id("tap").arn(arn).build()));
    return new BusTap(localAws, name, name, queueUrl);
  }

  /** Whatever arrived, in arrival order, each message deleted as it is read. */
  List<EventEnvelope> drain() {
    List<EventEnvelope> received = new ArrayList<>();
    List<Message> messages;
    do {
      messages = localAws.sqs().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
      for (Message message : messages) {
        try {
          received.add(AnalyticsFixtures.JSON.read(MAPPER.readTree(message.body()).path("detail").toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        localAws.sqs().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
      }
    } while (!messages.isEmpty());
    return received;
  }

  @Override
  public void close() {
    localAws.eventBridge().removeTargets(request -> request.rule(rule).eventBusName(bus).ids("tap"));
    localAws.eventBridge().deleteRule(request -> request.name(rule).eventBusName(bus));
    localAws.sqs().deleteQueue(request -> request.queueUrl(queueUrl));
  }
}
