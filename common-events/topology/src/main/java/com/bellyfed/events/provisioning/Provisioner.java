package com.bellyfed.events.provisioning;

import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
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
  private final @Nullable CognitoProvisioner cognito;

  /** Calls in flight at once: a few, so that AWS's control-plane rate limits are not approached. */
  private static final int PARALLEL_CALLS = 4;

  /**
   * @param grantEventBridgeAccess whether new queues get a policy letting EventBridge send to them:
   *     AWS requires one; emulators ignore policies (ElasticMQ warns about each)
   */
  public Provisioner(SqsClient sqs, DynamoDbClient dynamoDb, EventBridgeClient events, boolean grantEventBridgeAccess) {
    this(sqs, dynamoDb, events, null, grantEventBridgeAccess);
  }

  /**
   * @param cognito when given, the environment's user pool, web client and groups are provisioned too
   * @param grantEventBridgeAccess as above
   */
  public Provisioner(
      SqsClient sqs, DynamoDbClient dynamoDb, EventBridgeClient events, @Nullable CognitoIdentityProviderClient cognito,
      boolean grantEventBridgeAccess) {
    this.queues = new QueueProvisioner(sqs, grantEventBridgeAccess);
    this.eventBridge = new EventBridgeProvisioner(events);
    this.tables = new TableProvisioner(dynamoDb);
    this.cognito = cognito == null ? null : new CognitoProvisioner(cognito);
  }

  /**
   * Validates the topology, then creates or updates queues, buses, rules with their targets, the
   * user pool (when given a Cognito client), and tables.
   */
  public ProvisioningReport apply(Topology topology) {
    topology.validate();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS, runnable -> {
      Thread thread = new Thread(runnable, "provisioner");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // Tables depend on nothing else and DynamoDB is slow to create them: provision them alongside.
      CompletableFuture<List<Change>> tableChanges =
          CompletableFuture.supplyAsync(() -> topology.tables().stream().map(tables::apply).toList(), pool);
      List<Change> changes = new ArrayList<>();
      Map<String, String> queueArns = new ConcurrentHashMap<>();
      // Dead-letter queues first: a queue's redrive policy names its DLQ by ARN. Within each step the
      // resources are independent, so their calls go in parallel; the report keeps the topology's order.
      changes.addAll(each(topology.queues().stream().filter(queue -> queue.deadLetter()).toList(),
          queue -> queues.apply(queue, queueArns), pool));
      changes.addAll(each(topology.queues().stream().filter(queue -> !queue.deadLetter()).toList(),
          queue -> queues.apply(queue, queueArns), pool));
      changes.addAll(each(topology.buses(), eventBridge::apply, pool));
      each(topology.rules(), rule -> eventBridge.apply(rule, queueArns), pool).forEach(changes::addAll);
      ProvisioningReport.@Nullable UserPoolIds userPool = cognito == null ? null : cognito.apply(topology.userPool(), changes::add);
      changes.addAll(join(tableChanges));
      return new ProvisioningReport(changes, userPool);
    } finally {
      pool.shutdown();
    }
  }

  private static <T, R> List<R> each(List<T> resources, Function<T, R> apply, ExecutorService pool) {
    List<CompletableFuture<R>> calls = resources.stream().map(resource -> CompletableFuture.supplyAsync(() -> apply.apply(resource), pool)).toList();
    return calls.stream().map(Provisioner::join).toList();
  }

  private static <R> R join(CompletableFuture<R> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Creates or updates one table alone, e.g. a test's private copy of a topology table. */
  public Change apply(TableDefinition table) {
    return tables.apply(table);
  }

  static Change change(String kind, String name, Action action, String detail) {
    return new Change(kind, name, action, detail);
  }
}
