package com.bellyfed.events.topology;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.naming.Names;
import com.bellyfed.events.topology.RuleDefinition.SampleEvent;
import com.bellyfed.events.topology.TableDefinition.Index;
import com.bellyfed.events.topology.TableDefinition.Key;
import com.bellyfed.events.topology.TableDefinition.KeyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.JsonRuleCompiler;

/** Checks a topology against the platform's rules; each message names the broken part. */
final class TopologyValidator {

  static final int REQUIRED_MAX_RECEIVES = 3;
  static final Duration REQUIRED_DEAD_LETTER_RETENTION = Duration.ofDays(14);
  // AWS limits for targets and their retry policies.
  private static final int MAX_TARGETS_PER_RULE = 5;
  private static final Duration MIN_RETENTION = Duration.ofSeconds(60);
  private static final Duration MAX_RETENTION = Duration.ofDays(14);
  private static final Duration MAX_VISIBILITY = Duration.ofHours(12);
  private static final int MAX_RETRY_ATTEMPTS = 185;
  private static final Duration MIN_EVENT_AGE = Duration.ofSeconds(60);
  private static final Duration MAX_EVENT_AGE = Duration.ofHours(24);

  private final Topology topology;
  private final Environment env;
  private final List<String> violations = new ArrayList<>();

  TopologyValidator(Topology topology) {
    this.topology = topology;
    this.env = topology.environment();
  }

  List<String> violations() {
    checkBuses();
    Map<String, QueueDefinition> queues = checkQueues();
    checkRules(queues);
    checkTables();
    return List.copyOf(violations);
  }

  private void checkBuses() {
    for (EventBusDefinition bus : topology.buses()) {
      name("bus '" + bus.name() + "'", Names.checkBus(bus.name(), env));
    }
    unique("bus", topology.buses(), EventBusDefinition::name);
  }

  private Map<String, QueueDefinition> checkQueues() {
    unique("queue", topology.queues(), QueueDefinition::name);
    Map<String, QueueDefinition> byName =
        topology.queues().stream()
            .collect(Collectors.toMap(QueueDefinition::name, Function.identity(), (a, b) -> a));
    Set<String> flowsWithDeadLetterQueue =
        topology.queues().stream()
            .filter(QueueDefinition::deadLetter)
            .map(QueueDefinition::flow)
            .collect(Collectors.toSet());

    for (QueueDefinition queue : topology.queues()) {
      String part = (queue.deadLetter() ? "dead-letter queue '" : "queue '") + queue.name() + "'";
      if (queue.retention().compareTo(MIN_RETENTION) < 0 || queue.retention().compareTo(MAX_RETENTION) > 0) {
        violations.add(part + ": retention must be between 60 seconds and 14 days (SQS limits)");
      }
      if (queue.visibilityTimeout().isNegative() || queue.visibilityTimeout().compareTo(MAX_VISIBILITY) > 0) {
        violations.add(part + ": visibility timeout must be between 0 and 12 hours (SQS limits)");
      }
      if (queue.deadLetter()) {
        name(part, Names.checkDeadLetterQueue(queue.name(), env));
        if (!queue.retention().equals(REQUIRED_DEAD_LETTER_RETENTION)) {
          violations.add(
              part + ": retention is " + queue.retention().toDays() + " days; dead-letter queues keep messages 14 days");
        }
        if (queue.redrive() != null) {
          violations.add(part + ": a dead-letter queue must not redrive further");
        }
        continue;
      }
      name(part, Names.checkQueue(queue.name(), env));
      if (!flowsWithDeadLetterQueue.contains(queue.flow())) {
        violations.add("flow '" + queue.flow() + "' has no dead-letter queue");
      }
      QueueDefinition.RedrivePolicy redrive = queue.redrive();
      if (redrive == null) {
        violations.add(part + ": has no redrive policy (expected max " + REQUIRED_MAX_RECEIVES + " receives to its DLQ)");
        continue;
      }
      if (redrive.maxReceiveCount() != REQUIRED_MAX_RECEIVES) {
        violations.add(
            part + ": redrives after " + redrive.maxReceiveCount() + " receives; expected " + REQUIRED_MAX_RECEIVES);
      }
      QueueDefinition deadLetter = byName.get(redrive.deadLetterQueue());
      if (deadLetter == null) {
        violations.add(part + ": redrives to '" + redrive.deadLetterQueue() + "', which is not defined");
      } else if (!deadLetter.deadLetter()) {
        violations.add(part + ": redrives to '" + deadLetter.name() + "', which is not a dead-letter queue");
      } else {
        if (!deadLetter.flow().equals(queue.flow())) {
          violations.add(
              part + ": redrives to the dead-letter queue of flow '" + deadLetter.flow() + "', not its own");
        }
      }
    }
    return byName;
  }

  private void checkRules(Map<String, QueueDefinition> queues) {
    unique("rule", topology.rules(), rule -> rule.bus() + "/" + rule.name());
    Set<String> buses =
        topology.buses().stream().map(EventBusDefinition::name).collect(Collectors.toSet());
    for (RuleDefinition rule : topology.rules()) {
      String part = "rule '" + rule.name() + "'";
      name(part, Names.checkRule(rule.name(), env));
      if (!buses.contains(rule.bus())) {
        violations.add(part + ": listens on bus '" + rule.bus() + "', which is not defined");
      }
      checkPattern(part, rule);
      checkTargets(part, rule, queues);
    }
  }

  private void checkPattern(String part, RuleDefinition rule) {
    String problem = JsonRuleCompiler.check(rule.eventPattern());
    if (problem != null) {
      violations.add(part + ": event pattern is not valid: " + problem);
      return;
    }
    if (rule.samples().stream().noneMatch(SampleEvent::matches)) {
      violations.add(part + ": declares no sample event that its pattern matches");
    }
    Machine machine = new Machine();
    try {
      machine.addRule(rule.name(), rule.eventPattern());
    } catch (Exception e) {
      violations.add(part + ": event pattern is not valid: " + e.getMessage());
      return;
    }
    for (SampleEvent sample : rule.samples()) {
      boolean matched;
      try {
        matched = !machine.rulesForJSONEvent(sample.eventJson()).isEmpty();
      } catch (Exception e) {
        violations.add(part + ": sample '" + sample.description() + "' is not valid JSON: " + e.getMessage());
        continue;
      }
      if (matched != sample.matches()) {
        violations.add(
            part
                + ": sample '"
                + sample.description()
                + "' "
                + (sample.matches() ? "should match but does not" : "should not match but does"));
      }
    }
  }

  private void checkTargets(String part, RuleDefinition rule, Map<String, QueueDefinition> queues) {
    if (rule.targets().isEmpty()) {
      violations.add(part + ": has no target");
    }
    if (rule.targets().size() > MAX_TARGETS_PER_RULE) {
      violations.add(part + ": has " + rule.targets().size() + " targets; AWS allows " + MAX_TARGETS_PER_RULE);
    }
    unique(part + " target", rule.targets(), TargetDefinition::id);
    for (TargetDefinition target : rule.targets()) {
      String targetPart = part + " target '" + target.id() + "'";
      QueueDefinition queue = queues.get(target.queue());
      if (queue == null) {
        violations.add(targetPart + ": queue '" + target.queue() + "' is not defined");
      } else if (queue.deadLetter()) {
        violations.add(targetPart + ": targets dead-letter queue '" + queue.name() + "' directly");
      }
      if (target.deadLetterQueue() == null) {
        violations.add(targetPart + ": has no dead-letter queue for events it cannot deliver");
      } else {
        QueueDefinition deadLetter = queues.get(target.deadLetterQueue());
        if (deadLetter == null || !deadLetter.deadLetter()) {
          violations.add(
              targetPart + ": dead-letter queue '" + target.deadLetterQueue() + "' is not a defined dead-letter queue");
        }
      }
      if (target.inputPath() != null && target.inputTransformer() != null) {
        violations.add(targetPart + ": sets both an input path and an input transformer");
      }
      if (target.maximumRetryAttempts() < 0 || target.maximumRetryAttempts() > MAX_RETRY_ATTEMPTS) {
        violations.add(targetPart + ": maximum retry attempts must be 0-" + MAX_RETRY_ATTEMPTS);
      }
      if (target.maximumEventAge().compareTo(MIN_EVENT_AGE) < 0
          || target.maximumEventAge().compareTo(MAX_EVENT_AGE) > 0) {
        violations.add(targetPart + ": maximum event age must be between 60 seconds and 24 hours");
      }
    }
  }

  private void checkTables() {
    unique("table", topology.tables(), TableDefinition::name);
    for (TableDefinition table : topology.tables()) {
      String part = "table '" + table.name() + "'";
      name(part, Names.checkTable(table.name(), env));
      unique(part + " index", table.indexes(), Index::name);
      Map<String, KeyType> attributeTypes = new HashMap<>();
      keyType(part, attributeTypes, table.partitionKey());
      keyType(part, attributeTypes, table.sortKey());
      for (Index index : table.indexes()) {
        keyType(part, attributeTypes, index.partitionKey());
        keyType(part, attributeTypes, index.sortKey());
      }
      if (table.ttlAttribute() != null && attributeTypes.containsKey(table.ttlAttribute())) {
        violations.add(part + ": TTL attribute '" + table.ttlAttribute() + "' must not be a key attribute");
      }
    }
  }

  private void keyType(String part, Map<String, KeyType> types, Key key) {
    if (key == null) {
      return;
    }
    KeyType previous = types.putIfAbsent(key.attribute(), key.type());
    if (previous != null && previous != key.type()) {
      violations.add(
          part + ": attribute '" + key.attribute() + "' is used as both " + previous + " and " + key.type());
    }
  }

  private void name(String part, String problem) {
    if (problem != null) {
      violations.add(part + ": " + problem);
    }
  }

  private <T> void unique(String kind, List<T> items, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    items.stream()
        .map(key)
        .filter(Objects::nonNull)
        .filter(name -> !seen.add(name))
        .distinct()
        .forEach(name -> violations.add(kind + " '" + name + "' is defined more than once"));
  }
}
