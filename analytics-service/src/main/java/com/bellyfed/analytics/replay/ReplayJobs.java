package com.bellyfed.analytics.replay;

import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.analytics.archive.EventArchive.ArchivedEvent;
import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Replay jobs (replay-jobs table, {@code jobId}): the archived events of a window, filtered by
 * type and source, published again one at a time in their original order (timestamp, then
 * sequence number) at a bounded rate, each flagged {@code metadata.replayed=true},
 * {@code metadata.replayJobId} and {@code metadata.replaySequence} (1, 2, ...), so that the archive rule does not store them a second time. The
 * event id is kept: consumers that handled an event already skip it; one rebuilding its state
 * from scratch consumes the replay under a new consumer name (see docs/analytics-service.md).
 *
 * <p>One event per PutEvents call is what keeps the order: EventBridge does not promise the order
 * of the entries of one call. A job runs in this instance; its row records progress every second,
 * so a restarted instance shows where an interrupted job stopped (it is marked INTERRUPTED).
 */
@Component
public class ReplayJobs implements DisposableBean {

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
  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "replay-job");
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
  }

  /** What a replay covers. */
  public record ReplayRequest(Instant from, Instant to, Set<String> eventTypes, Set<String> sources, @Nullable String targetBus, int ratePerSecond) {}

  /** A job as its row records it. */
  public record ReplayJob(
      String jobId, String status, Instant from, Instant to, List<String> eventTypes, List<String> sources, @Nullable String targetBus,
      int ratePerSecond, long published, @Nullable String lastEventId, @Nullable String error, String createdAt, String updatedAt) {}

  /** Job states; RUNNING is the only one that changes. */
  public enum Status {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED,
    INTERRUPTED
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
    item.put("createdAt", AttributeValue.fromS(now));
    item.put("updatedAt", AttributeValue.fromS(now));
    dynamoDb.putItem(put -> put.tableName(table).item(item));
    AtomicBoolean cancelled = new AtomicBoolean();
    running.put(jobId, cancelled);
    executor.execute(() -> run(jobId, request, cancelled));
    return find(jobId).orElseThrow();
  }

  public Optional<ReplayJob> find(String jobId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(jobId)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    ReplayJob job = job(item);
    if (job.status().equals(Status.RUNNING.name()) && !running.containsKey(jobId)) {
      // Started by an instance that has stopped since: it is not running any more.
      return Optional.of(new ReplayJob(job.jobId(), Status.INTERRUPTED.name(), job.from(), job.to(), job.eventTypes(), job.sources(),
          job.targetBus(), job.ratePerSecond(), job.published(), job.lastEventId(), job.error(), job.createdAt(), job.updatedAt()));
    }
    return Optional.of(job);
  }

  /** Cancels a running job; empty when there is no such job, false when it is not running. */
  public Optional<Boolean> cancel(String jobId) {
    if (find(jobId).isEmpty()) {
      return Optional.empty();
    }
    AtomicBoolean flag = running.get(jobId);
    if (flag == null) {
      return Optional.of(false);
    }
    flag.set(true);
    try {
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId))
          .updateExpression("SET #status = :cancelled, updatedAt = :now")
          .conditionExpression("#status = :running")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":cancelled", AttributeValue.fromS(Status.CANCELLED.name()),
              ":running", AttributeValue.fromS(Status.RUNNING.name()),
              ":now", AttributeValue.fromS(clock.instant().toString()))));
      return Optional.of(true);
    } catch (ConditionalCheckFailedException finished) {
      return Optional.of(false);
    }
  }

  private void run(String jobId, ReplayRequest request, AtomicBoolean cancelled) {
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, request.ratePerSecond());
    long[] next = {System.nanoTime()};
    long[] count = {0};
    String[] last = {null};
    long[] lastSaved = {System.nanoTime()};
    try {
      archive.window(request.from(), request.to(), event -> {
        if (cancelled.get()) {
          return false;
        }
        if (!matches(request, event)) {
          return true;
        }
        pace(next, intervalNanos);
        publish(jobId, count[0] + 1, event, request.targetBus());
        count[0]++;
        last[0] = event.envelope().eventId();
        published.increment();
        if (System.nanoTime() - lastSaved[0] > TimeUnit.SECONDS.toNanos(1)) {
          progress(jobId, null, count[0], last[0], null);
          lastSaved[0] = System.nanoTime();
        }
        return true;
      });
      progress(jobId, cancelled.get() ? Status.CANCELLED : Status.COMPLETED, count[0], last[0], null);
    } catch (RuntimeException e) {
      log.warn("Replay job {} failed after {} events: {}", jobId, count[0], e.toString());
      progress(jobId, Status.FAILED, count[0], last[0], e.getMessage());
    } finally {
      running.remove(jobId);
    }
  }

  private static boolean matches(ReplayRequest request, ArchivedEvent event) {
    return (request.eventTypes().isEmpty() || request.eventTypes().contains(event.envelope().eventType()))
        && (request.sources().isEmpty() || request.sources().contains(event.source()))
        // A replayed event that reached the archive anyway (an old rule) is never replayed again.
        && !event.envelope().metadata().containsKey("replayed");
  }

  private void publish(String jobId, long position, ArchivedEvent event, @Nullable String targetBus) {
    EventEnvelope original = event.envelope();
    Map<String, String> metadata = new HashMap<>(original.metadata());
    metadata.put("replayed", "true");
    metadata.put("replayJobId", jobId);
    // Its place in the replay: SQS standard queues may swap neighbours, so consumers can restore the order.
    metadata.put("replaySequence", Long.toString(position));
    EventEnvelope replayed = new EventEnvelope(original.eventId(), original.eventType(), original.eventVersion(), original.source(),
        original.timestamp(), original.correlationId(), original.causationId(), original.sequenceNumber(), original.userId(),
        original.data(), metadata);
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

  private void progress(String jobId, @Nullable Status status, long count, @Nullable String lastEventId, @Nullable String error) {
    Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder expression = new StringBuilder("SET published = :published, updatedAt = :now");
    values.put(":published", AttributeValue.fromN(Long.toString(count)));
    values.put(":now", AttributeValue.fromS(clock.instant().toString()));
    values.put(":running", AttributeValue.fromS(Status.RUNNING.name()));
    if (lastEventId != null) {
      expression.append(", lastEventId = :last");
      values.put(":last", AttributeValue.fromS(lastEventId));
    }
    if (status != null) {
      expression.append(", #status = :status");
      values.put(":status", AttributeValue.fromS(status.name()));
    }
    if (error != null) {
      expression.append(", #error = :error");
      names.put("#error", "error");
      values.put(":error", AttributeValue.fromS(error.length() > 500 ? error.substring(0, 500) : error));
    }
    try {
      // A job cancelled through the API keeps its CANCELLED state; only its count moves on.
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId)).updateExpression(expression.toString())
          .conditionExpression("#status = :running").expressionAttributeNames(names).expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException notRunning) {
      dynamoDb.updateItem(update -> update.tableName(table).key(key(jobId))
          .updateExpression("SET published = :published, updatedAt = :now")
          .expressionAttributeValues(Map.of(":published", values.get(":published"), ":now", values.get(":now"))));
    } catch (RuntimeException e) {
      log.warn("Could not record the progress of replay job {}: {}", jobId, e.toString());
    }
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

  @Override
  public void destroy() {
    running.values().forEach(flag -> flag.set(true));
    executor.shutdownNow();
  }
}
