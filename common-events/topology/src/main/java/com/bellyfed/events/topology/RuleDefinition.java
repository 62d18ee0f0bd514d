package com.bellyfed.events.topology;

import java.util.List;

/**
 * An EventBridge rule on a bus, with sample events that document and test its pattern.
 *
 * @param name the rule name
 * @param flow the flow it feeds
 * @param bus the bus it listens on
 * @param eventPattern the EventBridge event pattern, JSON
 * @param targets where matching events go
 * @param samples events in the EventBridge shape, each declared to match or not
 */
public record RuleDefinition(
    String name,
    String flow,
    String bus,
    String eventPattern,
    List<TargetDefinition> targets,
    List<SampleEvent> samples) {

  /** An example event and whether the rule's pattern must match it. */
  public record SampleEvent(String description, String eventJson, boolean matches) {}
}
