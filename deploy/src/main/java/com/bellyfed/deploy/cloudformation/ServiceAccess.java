package com.bellyfed.deploy.cloudformation;

import static com.bellyfed.deploy.cloudformation.Grant.table;
import static com.bellyfed.deploy.cloudformation.Grant.tableAndIndexes;

import com.bellyfed.deploy.cloudformation.Grant.Bus;
import com.bellyfed.deploy.cloudformation.Grant.DeadLetterQueue;
import com.bellyfed.deploy.cloudformation.Grant.Queue;
import com.bellyfed.deploy.cloudformation.Grant.Resource;
import com.bellyfed.events.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each service calls in AWS, on which resources, read from the services' code (docs/deployment.md
 * lists the call sites). Three things widen what a service's own features suggest:
 * <ul>
 *   <li>every service runs the outbox relay, which publishes any service's pending rows, so each may put on
 *       every bus an outbox row can name (user, restaurant, system, error, analytics);
 *   <li>a transaction needs the action of each of its items (there is no {@code TransactWriteItems} action);
 *   <li>SQS batch calls are authorised by their single action ({@code DeleteMessageBatch} by {@code DeleteMessage}).
 * </ul>
 * Not granted on purpose: {@code sqs:CreateQueue} (Spring Cloud AWS creates a missing queue, which would lack
 * its redrive policy: better to fail at start), and write-service's auth bus (only its dev-only trigger puts there).
 */
final class ServiceAccess {

  private static final List<String> OUTBOX = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query");
  private static final List<String> CONSUME = List.of(
      "sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
  private static final List<String> FLOWS = List.of("user-signup", "import", "analytics", "rating", "error", "archive");

  private ServiceAccess() {}

  static Map<String, List<Grant>> of(Topology topology) {
    Map<String, List<Grant>> access = new LinkedHashMap<>();
    access.put("query-service", List.of(
        grant("ReadRestaurantsReviewsAndProfiles", List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:DescribeTable"),
            tableAndIndexes("restaurants"), tableAndIndexes("reviews"), table("users")),
        outbox(),
        publish("analytics", "error", "user", "restaurant", "system")));
    access.put("write-service", List.of(
        grant("WriteUsersRestaurantsAndReviews",
            List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"),
            table("users"), table("restaurants"), table("reviews")),
        grant("FindReviewsById", List.of("dynamodb:Query"), tableAndIndexes("reviews")),
        grant("RememberIdempotencyKeys", List.of("dynamodb:GetItem", "dynamodb:PutItem"), table("idempotency-keys")),
        processedEvents(),
        outbox(),
        consume("user-signup", "rating"),
        deadLetter("user-signup", "rating"),
        publish("user", "restaurant", "analytics", "error", "system")));
    access.put("import-service", List.of(
        grant("TrackImportJobs", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"),
            tableAndIndexes("import-jobs")),
        grant("WriteImportedItems", List.of("dynamodb:BatchWriteItem"), table("restaurants"), table("users")),
        grant("WriteImportedReviewsOnce", List.of("dynamodb:PutItem"), table("reviews")),
        processedEvents(),
        outbox(),
        grant("SendChunks", List.of("sqs:SendMessage"), new Queue("import")),
        consume("import"),
        deadLetter("import"),
        publish("system", "restaurant", "analytics", "error", "user")));
    access.put("analytics-service", List.of(
        grant("StoreAndQueryAnalytics", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"),
            tableAndIndexes("analytics-events"), table("analytics-aggregates")),
        grant("StoreAndQueryErrors", List.of("dynamodb:PutItem", "dynamodb:Query"), tableAndIndexes("errors")),
        grant("ArchiveEvents", List.of("dynamodb:BatchWriteItem", "dynamodb:Query"), tableAndIndexes("event-archive")),
        grant("RunReplays", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"),
            tableAndIndexes("replay-jobs")),
        processedEvents(),
        outbox(),
        consume("analytics", "archive", "error"),
        grant("RequeueAnalyticsAndArchive", List.of("sqs:SendMessage"), new Queue("analytics"), new Queue("archive")),
        // Review and redrive: every dead-letter queue, and every main queue a redrive sends back to.
        grant("ReviewAndRedriveDeadLetters",
            List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility", "sqs:SendMessage", "sqs:StartMessageMoveTask"),
            FLOWS.stream().map(DeadLetterQueue::new).toArray(Resource[]::new)),
        grant("RedriveToMainQueues", List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SendMessage"),
            FLOWS.stream().map(Queue::new).toArray(Resource[]::new)),
        // A replay puts on the bus of each replayed event's type, any bus of the topology.
        grant("ReplayToBuses", List.of("events:PutEvents", "events:DescribeEventBus"),
            topology.buses().stream().map(bus -> new Bus(bus.domain())).toArray(Resource[]::new))));
    return access;
  }

  private static Grant grant(String sid, List<String> actions, Resource... resources) {
    return new Grant(sid, actions, List.of(resources));
  }

  private static Grant outbox() {
    return grant("RelayTheOutbox", OUTBOX, tableAndIndexes("outbox"));
  }

  private static Grant processedEvents() {
    return grant("HandleEachEventOnce", List.of("dynamodb:GetItem", "dynamodb:PutItem"), table("processed-events"));
  }

  private static Grant consume(String... flows) {
    return grant("ConsumeQueues", CONSUME, Stream.of(flows).map(Queue::new).toArray(Resource[]::new));
  }

  /** A consumer moves a message it cannot parse straight to its flow's dead-letter queue. */
  private static Grant deadLetter(String... flows) {
    return grant("DeadLetterUnparseableMessages", List.of("sqs:GetQueueUrl", "sqs:SendMessage"),
        Stream.of(flows).map(DeadLetterQueue::new).toArray(Resource[]::new));
  }

  private static Grant publish(String... domains) {
    List<Resource> buses = new ArrayList<>();
    Stream.of(domains).forEach(domain -> buses.add(new Bus(domain)));
    return new Grant("PublishEvents", List.of("events:PutEvents"), buses);
  }
}
