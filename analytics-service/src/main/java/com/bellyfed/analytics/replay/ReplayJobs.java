package com.bellyfed.analytics.replay;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.analytics.archive.EventArchive.ArchivedEvent;
import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Replay jobs (replay-jobs table, {@code jobId}): the archived events of a window, filtered by
 * type and source, published again one at a time in their original order ({@link EventArchive#ORDER})
 * at a bounded rate, each flagged {@code metadata.replayed=true}, {@code metadata.replayJobId} and
 * {@code metadata.replaySequence} (1, 2, ...), so that the archive rule does not store them a second
 * time. The event id is kept: consumers that handled an event already skip it; one rebuilding its
 * state from scratch consumes the replay under a new consumer name (see docs/analytics-service.md).
 *
 * <p>One event per PutEvents call is what keeps the order: EventBridge does not promise the order
 * of the entries of one call.
 *
 * <p>A job survives its instance. Its row names an owner and a lease; the owner writes a checkpoint
 * (the last event it published and the count) about every second, each write renewing the lease
 * and conditional on still owning a running job, so a job cancelled from any instance, or taken
 * over, stops at the owner's next write. Every instance looks for running jobs whose lease ran out
 * (a sparse index, never a Scan), takes one over with a conditional update and carries on after
 * its checkpoint: the events published after the last checkpoint, at most about a second's worth,
 * go out a second time with the same id and replaySequence.
 */
@Component
public class ReplayJobs implements DisposableBean {

  static final String LEASE_INDEX = "replay-jobs-lease-index";
  /** The one value of {@code runningKey}, which only running jobs carry, so that the lease index holds nothing else. */
  private static final String RUNNING_KEY = "RUNNING";
  private static final long CHECKPOINT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);

  private final EventArchive archive;
  private final EventBridgeClient eventBridge;
  private final DynamoDbClient dynamoDb;
  private final EnvelopeJson json;
  private final EventCatalog catalog;
  private final Topology topology;
  private final Clock clock;
  private final AnalyticsSettings settings;
  private final String table;
  private final Counter published;
  private final Counter takenOver;
  /** Who this instance is in a job's {@code owner}: new at each start, so a restarted instance never mistakes an old lease for its own. */
  private final String instanceId = UUID.randomUUID().toString();
  private final Map<String, Runner> running = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "replay-job");
    thread.setDaemon(true);
    return thread;
  });
  private final ScheduledExecutorService claimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "replay-claimer");
    thread.setDaemon(true);
    return thread;
  });

  ReplayJobs(EventArchive archive, EventBridgeClient eventBridge, DynamoDbClient dynamoDb, EnvelopeJson json, EventCatalog catalog,
      Topology topology, Clock clock, AnalyticsSettings settings, MeterRegistry registry) {
    this.archive = archive;
    this.eventBridge = eventBridge;
    this.dynamoDb = dynamoDb;
    this.json = json;
    this.catalog = catalog;
    this.topology = topology;
    this.clock = clock;
    this.settings = settings;
    this.table = topology.table("replay-jobs").name();
    this.published = Counter.builder("bellyfed.replay.published").description("Archived events published again by replay jobs").register(registry);
    this.takenOver = Counter.builder("bellyfed.replay.takeovers")
        .description("Replay jobs this instance took over after their owner's lease ran out").register(registry);
    long interval = settings.replayClaimInterval().toMillis();
    claimer.scheduleWithFixedDelay(this::takeOverExpired, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** What a replay covers. */
  public record ReplayRequest(Instant from, Instant to, Set<String> eventTypes, Set<String> sources, @Nullable String targetBus, int ratePerSecond) {}

  /** A job as its row records it; {@code owner} is the instance running it, until {@code leaseExpiresAt} unless it writes again. */
  public record ReplayJob(
      String jobId, String status, Instant from, Instant to, List<String> eventTypes, List<String> sources, @Nullable String targetBus,
      int ratePerSecond, long published, @Nullable String lastEventId, @Nullable String owner, @Nullable Instant leaseExpiresAt,
      @Nullable String error, String createdAt, String updatedAt) {}

  /** Job states; RUNNING is the only one that changes. */
  public enum Status {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED
  }

  /** The last event a job published, in {@link EventArchive#ORDER}: where a job taken over resumes. */
  record Checkpoint(Instant timestamp, long sequenceNumber, String eventId) {

    static Checkpoint of(ArchivedEvent event) {
      return new Checkpoint(event.envelope().timestamp(), event.envelope().sequenceNumber(), event.envelope().eventId());
    }

    boolean covers(ArchivedEvent event) {
      int byTime = event.envelope().timestamp().compareTo(timestamp);
      if (byTime != 0) {
        return byTime < 0;
      }
      int bySequence = Long.compare(event.envelope().sequenceNumber(), sequenceNumber);
      return bySequence != 0 ? bySequence < 0 : event.envelope().eventId().compareTo(eventId) <= 0;
    }
  }

  /** A job running in this instance. */
  private static final class Runner {
    /** Cancelled through this instance's API; the row says so already. */
    volatile boolean cancelled;
    /** This instance is stopping: leave the row as it is, for another instance to take over when the lease runs out. */
    volatile boolean stopped;
  }

  public ReplayJob start(ReplayRequest request) {
    String jobId = UUID.randomUUID().toString();
    String now = clock.instant().toString();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("jobId", AttributeValue.fromS(jobId));
    item.put("status", AttributeValue.fromS(Status.RUNNING.name()));
    item.put("from", AttributeValue.fromS(request.from().toString()));
    item.put("to", AttributeValue.fromS(request.to().toString()));
    item.put("eventTypes", AttributeValue.fromL(request.eventTypes().stream().sorted().map(AttributeValue::fromS).toList()));
    item.put("sources", AttributeValue.fromL(request.sources().stream().sorted().map(AttributeValue::fromS).toList()));
    if (request.targetBus() != null) {
      item.put("targetBus", AttributeValue.fromS(request.targetBus()));
    }
    item.put("ratePerSecond", AttributeValue.fromN(Integer.toString(request.ratePerSecond())));
    item.put("published", AttributeValue.fromN("0"));
    item.put("owner", AttributeValue.fromS(instanceId));
    item.put("runningKey", AttributeValue.fromS(RUNNING_KEY));
    item.put("leaseExpiresAt", AttributeValue.fromS(lease()));
    item.put("createdAt", AttributeValue.fromS(now));
    item.put("updatedAt", AttributeValue.fromS(now));
    dynamoDb.putItem(put -> put.tableName(table).item(item));
    Runner runner = new Runner();
    running.put(jobId, runner);
    executor.execute(() -> run(jobId, request, null, 0, runner));
    return find(jobId).orElseThrow();
  }

  public Optional<ReplayJob> find(String jobId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(jobId)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(job(item));
  }

  /**
   * Cancels a running job, wherever it runs: its owner sees the status at its next checkpoint.
   * Empty when there is no such job, false when it is not running.
   */
  public Optional<Boolean> cancel(String jobId) {
    if (find(jobId).isEmpty()) {
      return Optional.empty();
    }
    try {
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId))
          .updateExpression("SET #status = :cancelled, updatedAt = :now REMOVE runningKey")
          .conditionExpression("#status = :running")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":cancelled", AttributeValue.fromS(Status.CANCELLED.name()),
              ":running", AttributeValue.fromS(Status.RUNNING.name()),
              ":now", AttributeValue.fromS(clock.instant().toString()))));
    } catch (ConditionalCheckFailedException finished) {
      return Optional.of(false);
    }
    Runner runner = running.get(jobId);
    if (runner != null) {
      runner.cancelled = true;
    }
    return Optional.of(true);
  }

  /**
   * Runs a job from its start or, taken over, after its checkpoint. Ends by recording its final
   * state, unless this instance is stopping or has lost the job, in which case the row is left to
   * whoever owns it now.
   */
  private void run(String jobId, ReplayRequest request, @Nullable Checkpoint resumeAfter, long publishedBefore, Runner runner) {
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, request.ratePerSecond());
    long[] next = {System.nanoTime()};
    long[] count = {publishedBefore};
    Checkpoint[] last = {resumeAfter};
    long[] lastSaved = {System.nanoTime()};
    boolean[] lost = {false};
    try {
      archive.window(resumeAfter == null ? request.from() : resumeAfter.timestamp(), request.to(), event -> {
        if (runner.cancelled || runner.stopped) {
          return false;
        }
        // Written before anything else, so that the lease is renewed while events are skipped, too.
        if (System.nanoTime() - lastSaved[0] > CHECKPOINT_NANOS) {
          if (!checkpoint(jobId, count[0], last[0])) {
            lost[0] = true;
            return false;
          }
          lastSaved[0] = System.nanoTime();
        }
        if ((resumeAfter != null && resumeAfter.covers(event)) || !matches(request, event)) {
          return true;
        }
        pace(next, intervalNanos);
        publish(jobId, count[0] + 1, event, request.targetBus());
        count[0]++;
        last[0] = Checkpoint.of(event);
        published.increment();
        return true;
      });
      if (!runner.stopped && !lost[0]) {
        finish(jobId, runner.cancelled ? Status.CANCELLED : Status.COMPLETED, count[0], last[0], null);
      }
    } catch (RuntimeException e) {
      if (runner.stopped) {
        log.info("Replay job {} stopped with this instance after {} events; another instance takes it over when its lease runs out", jobId, count[0]);
      } else {
        log.warn("Replay job {} failed after {} events: {}", jobId, count[0], e.toString());
        finish(jobId, Status.FAILED, count[0], last[0], e.getMessage());
      }
    } finally {
      running.remove(jobId);
    }
  }

  /**
   * Looks for running jobs whose lease ran out and takes over the first it can: one per round, so
   * that the jobs of a dead instance spread over the live ones.
   */
  void takeOverExpired() {
    try {
      QueryResponse expired = dynamoDb.query(query -> query.tableName(table).indexName(LEASE_INDEX)
          .keyConditionExpression("runningKey = :running AND leaseExpiresAt < :now")
          .expressionAttributeValues(Map.of(
              ":running", AttributeValue.fromS(RUNNING_KEY),
              ":now", AttributeValue.fromS(SortableInstant.of(clock.instant()))))
          .limit(10));
      for (Map<String, AttributeValue> candidate : expired.items()) {
        String jobId = candidate.get("jobId").s();
        // Ours and still running, only slow to renew (an hour of the archive taking long to load):
        // taking it over would start a second runner that passes the same owner condition.
        if (running.containsKey(jobId)) {
          continue;
        }
        if (takeOver(jobId)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Could not look for replay jobs to take over: {}", e.toString());
    }
  }

  private boolean takeOver(String jobId) {
    Map<String, AttributeValue> item;
    try {
      // The index is eventually consistent: the condition on the row itself is what decides.
      item = dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId))
          .updateExpression("SET #owner = :me, leaseExpiresAt = :lease, updatedAt = :now")
          .conditionExpression("#status = :running AND runningKey = :runningKey AND leaseExpiresAt < :sortableNow")
          .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
          .expressionAttributeValues(Map.of(
              ":me", AttributeValue.fromS(instanceId),
              ":lease", AttributeValue.fromS(lease()),
              ":now", AttributeValue.fromS(clock.instant().toString()),
              ":sortableNow", AttributeValue.fromS(SortableInstant.of(clock.instant())),
              ":running", AttributeValue.fromS(Status.RUNNING.name()),
              ":runningKey", AttributeValue.fromS(RUNNING_KEY)))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
    } catch (ConditionalCheckFailedException someoneElse) {
      return false;
    }
    ReplayJob job = job(item);
    ReplayRequest request = new ReplayRequest(job.from(), job.to(), new LinkedHashSet<>(job.eventTypes()), new LinkedHashSet<>(job.sources()),
        job.targetBus(), job.ratePerSecond());
    Checkpoint checkpoint = item.containsKey("checkpointTimestamp")
        ? new Checkpoint(Instant.parse(item.get("checkpointTimestamp").s()), Long.parseLong(item.get("checkpointSequence").n()), job.lastEventId())
        : null;
    log.info("Took over replay job {} after {} events", jobId, job.published());
    takenOver.increment();
    Runner runner = new Runner();
    running.put(jobId, runner);
    executor.execute(() -> run(jobId, request, checkpoint, job.published(), runner));
    return true;
  }

  private static boolean matches(ReplayRequest request, ArchivedEvent event) {
    return (request.eventTypes().isEmpty() || request.eventTypes().contains(event.envelope().eventType()))
        && (request.sources().isEmpty() || request.sources().contains(event.source()))
        // A replayed event that reached the archive anyway (an old rule) is never replayed again.
        && !event.envelope().replayed();
  }

  private void publish(String jobId, long position, ArchivedEvent event, @Nullable String targetBus) {
    EventEnvelope original = event.envelope();
    Map<String, String> metadata = new HashMap<>(original.metadata());
    metadata.put(EventEnvelope.REPLAYED, "true");
    metadata.put("replayJobId", jobId);
    // Its place in the replay: SQS standard queues may swap neighbours, so consumers can restore the order.
    metadata.put("replaySequence", Long.toString(position));
    // The original event as it was (its actor included), marked as a replay.
    EventEnvelope replayed = original.withMetadata(metadata);
    String bus = targetBus != null ? targetBus : busOf(original);
    PutEventsResponse response = eventBridge.putEvents(put -> put.entries(entry -> entry
        .eventBusName(bus).source(event.source()).detailType(event.detailType()).detail(json.write(replayed)).time(original.timestamp())));
    PutEventsResultEntry result = response.entries().get(0);
    if (result.errorCode() != null) {
      throw new IllegalStateException("EventBridge refused event " + original.eventId() + ": " + result.errorCode() + " " + result.errorMessage());
    }
  }

  /** The bus the catalog publishes the type to; unknown types go back to the bus of their source's domain. */
  private String busOf(EventEnvelope envelope) {
    String domain = catalog.find(envelope.eventType()).map(definition -> definition.busDomain())
        .orElse(envelope.source().substring(envelope.source().indexOf('.') + 1));
    return topology.bus(domain).name();
  }

  private static void pace(long[] next, long intervalNanos) {
    long wait = next[0] - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Replay interrupted", e);
      }
    }
    next[0] = Math.max(next[0], System.nanoTime() - intervalNanos) + intervalNanos;
  }

  /**
   * Records progress and renews the lease, as long as this instance still owns the running job.
   * False when it does not any more: cancelled (then the count is still recorded) or taken over.
   */
  private boolean checkpoint(String jobId, long count, @Nullable Checkpoint last) {
    Map<String, AttributeValue> values = progressValues(count, last);
    values.put(":lease", AttributeValue.fromS(lease()));
    try {
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId))
          .updateExpression(progressExpression(last) + ", leaseExpiresAt = :lease")
          .conditionExpression("#owner = :me AND #status = :running")
          .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner")).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException notOurs) {
      recordCancelledCount(jobId, values, last);
      return false;
    } catch (RuntimeException e) {
      // The lease may run out meanwhile; then the next write finds the job taken over and stops.
      log.warn("Could not record the progress of replay job {}: {}", jobId, e.toString());
      return true;
    }
  }

  private void finish(String jobId, Status status, long count, @Nullable Checkpoint last, @Nullable String error) {
    Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#owner", "owner"));
    Map<String, AttributeValue> values = progressValues(count, last);
    values.put(":status", AttributeValue.fromS(status.name()));
    StringBuilder expression = new StringBuilder(progressExpression(last)).append(", #status = :status");
    if (error != null) {
      expression.append(", #error = :error");
      names.put("#error", "error");
      values.put(":error", AttributeValue.fromS(error.length() > 500 ? error.substring(0, 500) : error));
    }
    expression.append(" REMOVE runningKey");
    try {
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId)).updateExpression(expression.toString())
          .conditionExpression("#owner = :me AND #status = :running").expressionAttributeNames(names).expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException notOurs) {
      recordCancelledCount(jobId, progressValues(count, last), last);
    } catch (RuntimeException e) {
      log.warn("Could not record the end of replay job {}: {}", jobId, e.toString());
    }
  }

  /** A job cancelled through the API keeps its CANCELLED state; its owner still records how far it got. */
  private void recordCancelledCount(String jobId, Map<String, AttributeValue> values, @Nullable Checkpoint last) {
    Map<String, AttributeValue> cancelled = new HashMap<>(values);
    cancelled.put(":cancelled", AttributeValue.fromS(Status.CANCELLED.name()));
    cancelled.remove(":running");
    cancelled.remove(":lease");
    try {
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId)).updateExpression(progressExpression(last))
          .conditionExpression("#owner = :me AND #status = :cancelled")
          .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner")).expressionAttributeValues(cancelled));
    } catch (ConditionalCheckFailedException takenOver) {
      log.info("Replay job {} was taken over by another instance; this one stops", jobId);
    } catch (RuntimeException e) {
      log.warn("Could not record the progress of cancelled replay job {}: {}", jobId, e.toString());
    }
  }

  private Map<String, AttributeValue> progressValues(long count, @Nullable Checkpoint last) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":published", AttributeValue.fromN(Long.toString(count)));
    values.put(":now", AttributeValue.fromS(clock.instant().toString()));
    values.put(":me", AttributeValue.fromS(instanceId));
    values.put(":running", AttributeValue.fromS(Status.RUNNING.name()));
    if (last != null) {
      values.put(":last", AttributeValue.fromS(last.eventId()));
      values.put(":checkpointTimestamp", AttributeValue.fromS(last.timestamp().toString()));
      values.put(":checkpointSequence", AttributeValue.fromN(Long.toString(last.sequenceNumber())));
    }
    return values;
  }

  private static String progressExpression(@Nullable Checkpoint last) {
    return "SET published = :published, updatedAt = :now"
        + (last == null ? "" : ", lastEventId = :last, checkpointTimestamp = :checkpointTimestamp, checkpointSequence = :checkpointSequence");
  }

  private String lease() {
    return SortableInstant.of(clock.instant().plus(settings.replayLease()));
  }

  private static Map<String, AttributeValue> key(String jobId) {
    return Map.of("jobId", AttributeValue.fromS(jobId));
  }

  private static ReplayJob job(Map<String, AttributeValue> item) {
    return new ReplayJob(
        item.get("jobId").s(), item.get("status").s(), Instant.parse(item.get("from").s()), Instant.parse(item.get("to").s()),
        item.get("eventTypes").l().stream().map(AttributeValue::s).toList(),
        item.get("sources").l().stream().map(AttributeValue::s).toList(),
        item.containsKey("targetBus") ? item.get("targetBus").s() : null,
        Integer.parseInt(item.get("ratePerSecond").n()), Long.parseLong(item.get("published").n()),
        item.containsKey("lastEventId") ? item.get("lastEventId").s() : null,
        item.containsKey("owner") ? item.get("owner").s() : null,
        item.containsKey("leaseExpiresAt") ? SortableInstant.parse(item.get("leaseExpiresAt").s()) : null,
        item.containsKey("error") ? item.get("error").s() : null,
        item.get("createdAt").s(), item.get("updatedAt").s());
  }

  /** Whether a bus exists, so that a job is refused up front rather than failing on its first event. */
  public boolean busExists(String name) {
    try {
      eventBridge.describeEventBus(describe -> describe.name(name));
      return true;
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      return false;
    }
  }

  public int maxRate() {
    return settings.replayMaxRate();
  }

  public int defaultRate() {
    return settings.replayDefaultRate();
  }

  /**
   * Stops this instance's jobs without touching their rows, as a crash would: another instance
   * takes each over when its lease runs out.
   */
  @Override
  public void destroy() throws InterruptedException {
    claimer.shutdownNow();
    running.values().forEach(runner -> runner.stopped = true);
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
