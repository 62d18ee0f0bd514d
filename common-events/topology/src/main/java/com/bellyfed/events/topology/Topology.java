package com.bellyfed.events.topology;

import com.bellyfed.events.naming.Environment;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every bus, rule, queue and table of one environment. Build the Bellyfed topology with {@link
 * #bellyfed(Environment)}; check any topology with {@link #validate()}.
 */
public record Topology(
    Environment environment,
    List<EventBusDefinition> buses,
    List<QueueDefinition> queues,
    List<RuleDefinition> rules,
    List<TableDefinition> tables) {

  public Topology {
    buses = List.copyOf(buses);
    queues = List.copyOf(queues);
    rules = List.copyOf(rules);
    tables = List.copyOf(tables);
  }

  /** The Bellyfed topology of DESIGN.md §3-4 for one environment. */
  public static Topology bellyfed(Environment environment) {
    return BellyfedTopology.of(environment);
  }

  /** The environment's Cognito user pool, its web app client and its groups. */
  public UserPoolDefinition userPool() {
    return UserPoolDefinition.bellyfed(environment);
  }

  /** Every problem found, each naming the broken part; empty when the topology is sound. */
  public List<String> violations() {
    return new TopologyValidator(this).violations();
  }

  /**
   * Checks the topology.
   *
   * @throws TopologyValidationException listing every problem found
   */
  public Topology validate() {
    List<String> violations = violations();
    if (!violations.isEmpty()) {
      throw new TopologyValidationException(violations);
    }
    return this;
  }

  /** The main queue of a flow. */
  public QueueDefinition queue(String flow) {
    return queues.stream()
        .filter(queue -> queue.flow().equals(flow) && !queue.deadLetter())
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No queue for flow '" + flow + "'"));
  }

  /** The dead-letter queue of a flow. */
  public QueueDefinition deadLetterQueue(String flow) {
    return queues.stream()
        .filter(queue -> queue.flow().equals(flow) && queue.deadLetter())
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No dead-letter queue for flow '" + flow + "'"));
  }

  /** The bus of a domain ({@code user}, {@code restaurant}, {@code system}, {@code analytics}, ...). */
  public EventBusDefinition bus(String domain) {
    return buses.stream()
        .filter(bus -> bus.domain().equals(domain))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No bus for domain '" + domain + "'"));
  }

  /** A table by its logical name ({@code users}, {@code outbox}, ...). */
  public TableDefinition table(String logicalName) {
    String suffix = "-" + environment.id();
    return tables.stream()
        .filter(table -> table.name().equals("bellyfed-" + logicalName + suffix))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No table '" + logicalName + "'"));
  }

  public Topology withQueues(List<QueueDefinition> replaced) {
    return new Topology(environment, buses, replaced, rules, tables);
  }

  public Topology withRules(List<RuleDefinition> replaced) {
    return new Topology(environment, buses, queues, replaced, tables);
  }

  public Topology withBuses(List<EventBusDefinition> replaced) {
    return new Topology(environment, replaced, queues, rules, tables);
  }

  public Topology withTables(List<TableDefinition> replaced) {
    return new Topology(environment, buses, queues, rules, replaced);
  }
}
