package com.bellyfed.events.topology;

import static com.bellyfed.events.topology.SampleEvents.matching;
import static com.bellyfed.events.topology.SampleEvents.notMatching;
import static com.bellyfed.events.topology.TableDefinition.Key.number;
import static com.bellyfed.events.topology.TableDefinition.Key.string;

import com.bellyfed.events.naming.BusCategory;
import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.naming.Names;
import com.bellyfed.events.topology.QueueDefinition.RedrivePolicy;
import com.bellyfed.events.topology.TableDefinition.Index;
import com.bellyfed.events.topology.TableDefinition.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The concrete Bellyfed topology: DESIGN.md §3 (buses, queues) and §4 (flows). */
final class BellyfedTopology {

  /** SQS redrives to the dead-letter queue after this many receives. */
  static final int MAX_RECEIVES = 3;

  static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);
  static final Duration QUEUE_RETENTION = Duration.ofDays(4);

  private static final String CATCH_ALL_EXCEPT_REPLAYS =
      """
      {"source":[{"prefix":""}],"detail":{"metadata":{"replayed":[{"exists":false}]}}}""";

  private final Environment env;

  private BellyfedTopology(Environment env) {
    this.env = env;
  }

  static Topology of(Environment env) {
    return new BellyfedTopology(env).build();
  }

  private Topology build() {
    List<EventBusDefinition> buses =
        List.of(
            domainBus(BusCategory.DOMAIN, "user"),
            domainBus(BusCategory.DOMAIN, "auth"),
            domainBus(BusCategory.DOMAIN, "restaurant"),
            domainBus(BusCategory.INFRA, "system"),
            domainBus(BusCategory.INFRA, "error"),
            new EventBusDefinition(Names.analyticsBus(env), "analytics"));

    List<QueueDefinition> queues = new ArrayList<>();
    for (String flow : List.of("user-signup", "import", "analytics", "rating", "error", "archive")) {
      // Import chunks can take a while to write; the listener extends visibility beyond this.
      Duration visibility = flow.equals("import") ? Duration.ofMinutes(2) : Duration.ofSeconds(30);
      queues.add(
          new QueueDefinition(
              Names.queue(flow, env),
              flow,
              false,
              new RedrivePolicy(Names.deadLetterQueue(flow, env), MAX_RECEIVES),
              QUEUE_RETENTION,
              visibility));
      queues.add(
          new QueueDefinition(
              Names.deadLetterQueue(flow, env),
              flow,
              true,
              null,
              DEAD_LETTER_RETENTION,
              Duration.ofSeconds(30)));
    }

    List<RuleDefinition> rules = new ArrayList<>();
    rules.add(
        rule(
            "user-signup",
            "auth",
            """
            {"source":["bellyfed.auth"],"detail-type":["PostConfirmation"]}""",
            List.of(
                matching(
                    "a Cognito post-confirmation trigger forwarded to the auth bus",
                    "bellyfed.auth",
                    "PostConfirmation",
                    """
                    {"triggerSource":"PostConfirmation_ConfirmSignUp","userName":"ana",\
                    "request":{"userAttributes":{"sub":"5f1c","email":"ana@example.com"}}}"""),
                notMatching(
                    "another Cognito trigger",
                    "bellyfed.auth",
                    "PostAuthentication",
                    "{\"userName\":\"ana\"}"))));
    rules.add(
        rule(
            "rating",
            "restaurant",
            """
            {"source":["bellyfed.restaurant"],"detail-type":["ReviewCreated","ReviewDeleted","ReviewsImported"]}""",
            List.of(
                matching(
                    "a new review",
                    "bellyfed.restaurant",
                    "ReviewCreated",
                    "{\"eventType\":\"restaurant.review.created\",\"data\":{\"rating\":4}}"),
                matching(
                    "a deleted review",
                    "bellyfed.restaurant",
                    "ReviewDeleted",
                    "{\"eventType\":\"restaurant.review.deleted\",\"data\":{\"rating\":4}}"),
                matching(
                    "a chunk of imported reviews",
                    "bellyfed.restaurant",
                    "ReviewsImported",
                    "{\"eventType\":\"restaurant.reviews.imported\",\"data\":{\"restaurants\":[]}}"),
                notMatching(
                    "a listing change",
                    "bellyfed.restaurant",
                    "ListingUpdated",
                    "{\"eventType\":\"restaurant.listing.updated\"}"))));
    rules.add(
        rule(
            "analytics",
            "analytics",
            """
            {"source":[{"prefix":"bellyfed."}],"detail":{"eventType":[{"suffix":"_ANALYTICS"}]}}""",
            List.of(
                matching(
                    "a query analytics event",
                    "bellyfed.query",
                    "QueryAnalytics",
                    "{\"eventType\":\"RESTAURANT_QUERY_ANALYTICS\",\"action\":\"EXECUTE\"}"),
                notMatching(
                    "a domain event on the analytics bus",
                    "bellyfed.user",
                    "ProfileUpdated",
                    "{\"eventType\":\"user.profile.updated\"}"))));
    rules.add(
        rule(
            "error",
            "error",
            """
            {"source":[{"prefix":"bellyfed."}],"detail-type":["ErrorOccurred"]}""",
            List.of(
                matching(
                    "an error report",
                    "bellyfed.write",
                    "ErrorOccurred",
                    "{\"severity\":\"HIGH\",\"errorCode\":\"DYNAMODB_UNAVAILABLE\"}"),
                notMatching(
                    "a health event", "bellyfed.write", "HealthChanged", "{\"status\":\"UP\"}"))));
    for (EventBusDefinition bus : buses) {
      rules.add(
          rule(
              "archive",
              bus.domain(),
              CATCH_ALL_EXCEPT_REPLAYS,
              List.of(
                  matching(
                      "any event",
                      "bellyfed.user",
                      "ProfileUpdated",
                      "{\"eventType\":\"user.profile.updated\",\"metadata\":{}}"),
                  notMatching(
                      "an event re-published by a replay",
                      "bellyfed.user",
                      "ProfileUpdated",
                      "{\"eventType\":\"user.profile.updated\",\"metadata\":{\"replayed\":true}}"))));
    }

    return new Topology(env, buses, queues, rules, tables());
  }

  // Key design is provisional beyond what the foundation needs; each service's issue refines its tables.
  private List<TableDefinition> tables() {
    return List.of(
        table("users", string("userId"), null, null, index("email-index", string("email"), null)),
        restaurants(),
        table(
            "reviews",
            string("restaurantId"),
            string("reviewId"),
            null,
            index("user-reviews-index", string("userId"), string("createdAt")),
            index("review-id-index", string("reviewId"), null),
            index("restaurant-newest-index", string("restaurantId"), string("createdAt")),
            index("restaurant-rating-index", string("restaurantId"), number("rating"))),
        table(
            "outbox",
            string("eventId"),
            null,
            null,
            index("outbox-state-index", string("state"), string("createdAt"))),
        table("processed-events", string("consumer"), string("eventId"), "expiresAt"),
        table("idempotency-keys", string("idempotencyKey"), null, "expiresAt"),
        table(
            "import-jobs",
            string("jobId"),
            null,
            null,
            index("import-jobs-created-index", string("listKey"), string("createdAt"))),
        table(
            "analytics-events",
            string("eventId"),
            null,
            "expiresAt",
            index("analytics-service-time-index", string("serviceEventType"), string("timestamp")),
            index("analytics-service-index", string("service"), string("timestamp"))),
        table("analytics-aggregates", string("series"), string("bucketStart"), "expiresAt"),
        table(
            "errors",
            string("service"),
            string("occurredAt"),
            "expiresAt",
            index("errors-severity-index", string("severity"), string("occurredAt"))),
        table(
            "event-archive",
            string("eventId"),
            null,
            null,
            index("archive-correlation-index", string("correlationId"), string("orderKey")),
            index("archive-type-index", string("eventType"), string("timestamp")),
            index("archive-hour-index", string("hour"), string("timestamp"))),
        table(
            "replay-jobs",
            string("jobId"),
            null,
            null,
            // Sparse: runningKey is set only while a job runs, so the expired leases are one Query.
            index("replay-jobs-lease-index", string("runningKey"), string("leaseExpiresAt"))));
  }

  /**
   * One GSI per listing scope (all, city, cuisine, city and cuisine) and order (rating, name,
   * newest), so that every search of docs/data-model.md is a Query. Scope values are {@link
   * TableKeys#normalized(String)}; a restaurant without reviews carries avgRating 0 so that it is
   * in every index.
   */
  private TableDefinition restaurants() {
    List<Index> indexes = new ArrayList<>();
    for (String scope : List.of("all", "city", "cuisine", "city-cuisine")) {
      Key partition = string(TableKeys.scopeAttribute(scope));
      indexes.add(index(scope + "-rating-index", partition, number("avgRating")));
      indexes.add(index(scope + "-name-index", partition, string("nameKey")));
      indexes.add(index(scope + "-newest-index", partition, string("createdAt")));
    }
    return table("restaurants", string("restaurantId"), null, null, indexes.toArray(Index[]::new));
  }

  private EventBusDefinition domainBus(BusCategory category, String domain) {
    return new EventBusDefinition(Names.bus(category, domain, env), domain);
  }

  private RuleDefinition rule(
      String flow, String busDomain, String pattern, List<RuleDefinition.SampleEvent> samples) {
    String bus =
        busDomain.equals("analytics")
            ? Names.analyticsBus(env)
            : Names.bus(
                busDomain.equals("system") || busDomain.equals("error")
                    ? BusCategory.INFRA
                    : BusCategory.DOMAIN,
                busDomain,
                env);
    TargetDefinition target =
        TargetDefinition.toQueue(Names.queue(flow, env), Names.deadLetterQueue(flow, env));
    return new RuleDefinition(
        Names.rule(flow, busDomain, env), flow, bus, pattern, List.of(target), samples);
  }

  private TableDefinition table(
      String name, Key partitionKey, @Nullable Key sortKey, @Nullable String ttl, Index... indexes) {
    return new TableDefinition(Names.table(name, env), partitionKey, sortKey, List.of(indexes), ttl);
  }

  private static Index index(String name, Key partitionKey, @Nullable Key sortKey) {
    return new Index(name, partitionKey, sortKey);
  }
}
