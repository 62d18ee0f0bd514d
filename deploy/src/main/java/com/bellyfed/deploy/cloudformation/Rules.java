package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.topology.EventBusDefinition;
import com.bellyfed.events.topology.RuleDefinition;
import com.bellyfed.events.topology.TargetDefinition;
import com.bellyfed.events.topology.Topology;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The buses and their rules. Every target keeps the topology's retry policy and dead-letter queue, so an
 * event EventBridge cannot deliver is kept, not dropped after its retries.
 */
final class Rules {

  private static final JsonMapper JSON = JsonMapper.shared();

  private Rules() {}

  static String busLogicalId(String busName) {
    return Template.logicalId(busName, "Bus");
  }

  static String logicalId(String ruleName) {
    return Template.logicalId(ruleName, "");
  }

  static void add(Template template, Topology topology, Tags tags) {
    for (EventBusDefinition bus : topology.buses()) {
      ObjectNode properties = template.resource(busLogicalId(bus.name()), "AWS::Events::EventBus");
      properties.put("Name", bus.name());
      properties.set("Tags", tags.list(bus.domain()));
    }
    for (RuleDefinition rule : topology.rules()) {
      ObjectNode properties = template.resource(logicalId(rule.name()), "AWS::Events::Rule");
      properties.put("Name", rule.name());
      properties.put("Description", "Routes the " + rule.flow() + " flow's events from " + rule.bus());
      properties.set("EventBusName", Template.ref(busLogicalId(rule.bus())));
      properties.set("EventPattern", JSON.readTree(rule.eventPattern()));
      properties.put("State", "ENABLED");
      for (TargetDefinition target : rule.targets()) {
        ObjectNode json = properties.withArray("Targets").addObject();
        json.put("Id", target.id());
        json.set("Arn", Template.arn(Queues.logicalId(target.queue())));
        if (target.inputPath() != null) {
          json.put("InputPath", target.inputPath());
        }
        if (target.inputTransformer() != null) {
          ObjectNode transformer = json.putObject("InputTransformer");
          ObjectNode paths = transformer.putObject("InputPathsMap");
          target.inputTransformer().inputPathsMap().forEach(paths::put);
          transformer.put("InputTemplate", target.inputTransformer().inputTemplate());
        }
        json.putObject("RetryPolicy")
            .put("MaximumRetryAttempts", target.maximumRetryAttempts())
            .put("MaximumEventAgeInSeconds", target.maximumEventAge().toSeconds());
        if (target.deadLetterQueue() != null) {
          json.putObject("DeadLetterConfig").set("Arn", Template.arn(Queues.logicalId(target.deadLetterQueue())));
        }
      }
    }
  }
}
