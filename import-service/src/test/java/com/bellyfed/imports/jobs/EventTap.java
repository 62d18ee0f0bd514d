package com.bellyfed.imports.jobs;

import com.bellyfed.localaws.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/** A private queue and rule on a bus catching the events of one correlation id, so a test sees only its own. */
final class EventTap implements AutoCloseable {

  private final LocalAws localAws;
  private final String bus;
  private final String rule;
  private final String queueUrl;
  private final List<JsonNode> received = new ArrayList<>();

  private EventTap(LocalAws localAws, String bus, String rule, String queueUrl) {
    this.localAws = localAws;
    this.bus = bus;
    this.rule = rule;
    this.queueUrl = queueUrl;
  }

  static EventTap on(LocalAws localAws, String bus, String correlationId) {
    String name = "import-tap-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    String arn = localAws.sqs().getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    localAws.eventBridge().putRule(request -> request.name(name).eventBusName(bus)
        .eventPattern("{\"detail\":{\"correlationId\":[\"" + correlationId + "\"]}}"));
    localAws.eventBridge().putTargets(request -> request.rule(name).eventBusName(bus).targets(Target.builder().id("tap").arn(arn).build()));
    return new EventTap(localAws, bus, name, queueUrl);
  }

  /** Every event received so far (EventBridge events: detail-type, detail with the envelope). */
  List<JsonNode> events() {
    List<Message> messages = localAws.sqs().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    for (Message message : messages) {
      received.add(ImportApi.JSON.readTree(message.body()));
      localAws.sqs().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
    return List.copyOf(received);
  }

  @Override
  public void close() {
    localAws.eventBridge().removeTargets(request -> request.rule(rule).eventBusName(bus).ids("tap"));
    localAws.eventBridge().deleteRule(request -> request.name(rule).eventBusName(bus));
    localAws.sqs().deleteQueue(request -> request.queueUrl(queueUrl));
  }
}
