package com.bellyfed.localaws.eventbridge;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.event.ruler.Machine;

/**
 * A bus and its rules. Reads match against an immutable snapshot, so PutEvents never waits for a
 * rule change; changes are serialised and publish a new snapshot.
 */
final class EventBus {

  private final String name;
  private final String arn;
  private final TreeMap<String, Rule> rules = new TreeMap<>();
  private volatile Snapshot snapshot = new Snapshot(new Machine(), Map.of());

  /** The matcher of the enabled rules, and every rule by name at the time it was built. */
  record Snapshot(Machine machine, Map<String, Rule> rules) {}

  EventBus(String name, String arn) {
    this.name = name;
    this.arn = arn;
  }

  String name() {
    return name;
  }

  String arn() {
    return arn;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  synchronized Rule rule(String ruleName) {
    Rule rule = rules.get(ruleName);
    if (rule == null) {
      throw EventBridgeException.notFound("Rule " + ruleName + " does not exist on EventBus " + name + ".");
    }
    return rule;
  }

  synchronized boolean hasRule(String ruleName) {
    return rules.containsKey(ruleName);
  }

  synchronized List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  synchronized void put(Rule rule) {
    rules.put(rule.name(), rule);
    rebuild();
  }

  synchronized void remove(String ruleName) {
    rules.remove(ruleName);
    rebuild();
  }

  private void rebuild() {
    Machine machine = new Machine();
    for (Rule rule : rules.values()) {
      if (rule.enabled()) {
        try {
          machine.addRule(rule.name(), rule.eventPattern());
        } catch (Exception e) {
          // Patterns are checked when the rule is put; one failing here is a bug, not user input.
          throw new IllegalStateException("Stored pattern of rule " + rule.name() + " does not compile", e);
        }
      }
    }
    snapshot =
        new Snapshot(
            machine, rules.values().stream().collect(Collectors.toUnmodifiableMap(Rule::name, rule -> rule)));
  }
}
