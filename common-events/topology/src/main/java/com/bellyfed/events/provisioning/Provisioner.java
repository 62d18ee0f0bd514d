package com.bellyfed.events.provisioning;

import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Applies a topology to an AWS endpoint — local-aws, LocalStack or a real account — so that it
 * exists as defined. Idempotent: a second run reports every resource UNCHANGED.
 */
public final class Provisioner {

  private final QueueProvisioner queues;
  private final EventBridgeProvisioner eventBridge;
  private final TableProvisioner tables;

  /**
   * @param grantEventBridgeAccess whether new queues get a policy letting EventBridge send to them:
   *     AWS requires one; emulators ignore policies (ElasticMQ warns about each)
   */
  public Provisioner(SqsClient sqs, DynamoDbClient dynamoDb, EventBridgeClient events, boolean grantEventBridgeAccess) {
    this.queues = new QueueProvisioner(sqs, grantEventBridgeAccess);
    this.eventBridge = new EventBridgeProvisioner(events);
    this.tables = new TableProvisioner(dynamoDb);
  }

  /**
   * Validates the topology, then creates or updates queues, buses, rules with their targets, and
   * tables.
   */
  public ProvisioningReport apply(Topology topology) {
    topology.validate();
    // Tables depend on nothing else and DynamoDB is slow to create them: provision them alongside.
    CompletableFuture<List<Change>> tableChanges =
        CompletableFuture.supplyAsync(() -> topology.tables().stream().map(tables::apply).toList());
    List<Change> changes = new ArrayList<>();
    Map<String, String> queueArns = new HashMap<>();
    // Dead-letter queues first: a queue's redrive policy names its DLQ by ARN.
    topology.queues().stream()
        .filter(queue -> queue.deadLetter())
        .forEach(queue -> changes.add(queues.apply(queue, queueArns)));
    topology.queues().stream()
        .filter(queue -> !queue.deadLetter())
        .forEach(queue -> changes.add(queues.apply(queue, queueArns)));
    topology.buses().forEach(bus -> changes.add(eventBridge.apply(bus)));
    topology.rules().forEach(rule -> changes.addAll(eventBridge.apply(rule, queueArns)));
    try {
      changes.addAll(tableChanges.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return new ProvisioningReport(changes);
  }

  /** Creates or updates one table alone, e.g. a test's private copy of a topology table. */
  public Change apply(TableDefinition table) {
    return tables.apply(table);
  }

  static Change change(String kind, String name, Action action, String detail) {
    return new Change(kind, name, action, detail);
  }
}
