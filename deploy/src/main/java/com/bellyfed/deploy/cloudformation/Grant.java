package com.bellyfed.deploy.cloudformation;

import java.util.List;

/**
 * Actions a service may take on named resources of the topology: one IAM statement.
 *
 * @param sid the statement id: what the service does with them
 * @param actions exact IAM actions, never a wildcard
 * @param resources the resources by their topology names
 */
record Grant(String sid, List<String> actions, List<Resource> resources) {

  Grant {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }

  /** A resource of the topology, by the name the topology gives it. */
  sealed interface Resource {}

  /** A table by its logical name ({@code users}); with its indexes, each named, when queried through them. */
  record Table(String logicalName, boolean withIndexes) implements Resource {}

  /** A flow's main queue ({@code rating}). */
  record Queue(String flow) implements Resource {}

  /** A flow's dead-letter queue. */
  record DeadLetterQueue(String flow) implements Resource {}

  /** A bus by its domain ({@code restaurant}). */
  record Bus(String domain) implements Resource {}

  static Table table(String logicalName) {
    return new Table(logicalName, false);
  }

  static Table tableAndIndexes(String logicalName) {
    return new Table(logicalName, true);
  }
}
