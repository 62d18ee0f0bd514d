package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.RuleDefinition;
import com.bellyfed.events.topology.TargetDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flows' queues and dead-letter queues, encrypted with SQS-managed keys, and for each queue the policy
 * that lets exactly the rules delivering to it (as target or as the target's dead-letter queue) send.
 */
final class Queues {

  private Queues() {}

  static String logicalId(String queueName) {
    return Template.logicalId(queueName, "");
  }

  static void add(Template template, Topology topology, Tags tags) {
    for (QueueDefinition queue : topology.queues()) {
      ObjectNode properties = template.resource(logicalId(queue.name()), "AWS::SQS::Queue");
      properties.put("QueueName", queue.name());
      properties.put("MessageRetentionPeriod", queue.retention().toSeconds());
      properties.put("VisibilityTimeout", queue.visibilityTimeout().toSeconds());
      properties.put("SqsManagedSseEnabled", true);
      if (queue.redrive() != null) {
        ObjectNode redrive = properties.putObject("RedrivePolicy");
        redrive.set("deadLetterTargetArn", Template.arn(logicalId(queue.redrive().deadLetterQueue())));
        redrive.put("maxReceiveCount", queue.redrive().maxReceiveCount());
      }
      properties.set("Tags", tags.list(queue.flow()));
    }
    senders(topology).forEach((queue, rules) -> policy(template, queue, rules));
  }

  /** Queue name to the rules that may send to it, in topology order. */
  private static Map<String, List<String>> senders(Topology topology) {
    Map<String, List<String>> senders = new LinkedHashMap<>();
    for (RuleDefinition rule : topology.rules()) {
      for (TargetDefinition target : rule.targets()) {
        senders.computeIfAbsent(target.queue(), queue -> new ArrayList<>()).add(rule.name());
        if (target.deadLetterQueue() != null) {
          senders.computeIfAbsent(target.deadLetterQueue(), queue -> new ArrayList<>()).add(rule.name());
        }
      }
    }
    return senders;
  }

  private static void policy(Template template, String queue, List<String> rules) {
    ObjectNode properties = template.resource(logicalId(queue) + "Policy", "AWS::SQS::QueuePolicy");
    properties.putArray("Queues").add(Template.ref(logicalId(queue)));
    ObjectNode document = properties.putObject("PolicyDocument");
    document.put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject();
    statement.put("Sid", "EventBridgeRulesSend");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.put("Action", "sqs:SendMessage");
    statement.set("Resource", Template.arn(logicalId(queue)));
    ArrayNode sources = statement.putObject("Condition").putObject("ArnEquals").putArray("aws:SourceArn");
    rules.stream().distinct().forEach(rule -> sources.add(Template.arn(Rules.logicalId(rule))));
  }
}
