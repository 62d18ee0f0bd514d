package com.bellyfed.imports.jobs;

import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The import-jobs table: one item per job (jobId), listed newest first through
 * import-jobs-created-index (listKey {@value #LIST_KEY}, createdAt). Counts only ever grow through
 * atomic ADDs, and a job leaves ACCEPTED/RUNNING through one conditional update, so that concurrent
 * chunk writers never overwrite each other and exactly one of them finishes the job.
 */
@Component
class ImportJobs {

  static final String LIST_KEY = "JOB";
  private static final String ACTIVE = "#state IN (:accepted, :running)";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;
  private final Cursors cursors;

  ImportJobs(DynamoDbClient dynamoDb, Topology topology, Cursors cursors) {
    this.dynamoDb = dynamoDb;
    this.cursors = cursors;
    this.table = topology.table("import-jobs").name();
    this.clock = Clock.systemUTC();
  }

  /** Stores a new job; false when a job with its id exists already (a repeated Idempotency-Key). */
  boolean create(String jobId, String type, String format, @Nullable String idempotencyKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("jobId", s(jobId));
    item.put("listKey", s(LIST_KEY));
    item.put("type", s(type));
    item.put("format", s(format));
    item.put("state", s(JobState.ACCEPTED.name()));
    item.put("createdAt", s(TableKeys.timestamp(clock.instant())));
    for (String count : List.of("received", "rejected", "written", "failed", "skipped", "chunksSent", "chunksDone")) {
      item.put(count, n(0));
    }
    item.put("uploadFinished", AttributeValue.fromBool(false));
    if (idempotencyKey != null) {
      item.put("idempotencyKey", s(idempotencyKey));
    }
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(jobId)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  Optional<ImportJob> find(String jobId) {
    Map<String, AttributeValue> item =
        dynamoDb.getItem(request -> request.tableName(table).key(key(jobId)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(job(item));
  }

  /** Adds what the upload read and queued since the last call. */
  void addUploaded(String jobId, long received, long rejected, long chunks) {
    dynamoDb.updateItem(request -> request.tableName(table).key(key(jobId))
        .updateExpression("ADD received :received, rejected :rejected, chunksSent :chunks")
        .expressionAttributeValues(Map.of(":received", n(received), ":rejected", n(rejected), ":chunks", n(chunks))));
  }

  /**
   * Adds the rest of the upload's counts, stores the kept rejections and marks the upload finished;
   * an ACCEPTED job becomes RUNNING.
   */
  void finishUpload(String jobId, long received, long rejected, long chunks, List<Rejection> rejections) {
    List<AttributeValue> kept = rejections.stream()
        .map(rejection -> AttributeValue.fromM(Map.of("line", n(rejection.line()), "reason", s(rejection.reason()))))
        .toList();
    dynamoDb.updateItem(request -> request.tableName(table).key(key(jobId))
        .updateExpression("ADD received :received, rejected :rejected, chunksSent :chunks SET uploadFinished = :true, rejections = :kept")
        .expressionAttributeValues(Map.of(
            ":received", n(received), ":rejected", n(rejected), ":chunks", n(chunks),
            ":true", AttributeValue.fromBool(true), ":kept", AttributeValue.fromL(kept))));
    try {
      dynamoDb.updateItem(request -> request.tableName(table).key(key(jobId))
          .updateExpression("SET #state = :running")
          .conditionExpression("#state = :accepted")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":running", s(JobState.RUNNING.name()), ":accepted", s(JobState.ACCEPTED.name()))));
    } catch (ConditionalCheckFailedException alreadyMoved) {
      // Cancelled or failed meanwhile: it keeps that state.
    }
  }

  /** The job's share of a chunk's transaction: its counts and one more settled chunk. */
  TransactWriteItem chunkSettled(String jobId, long written, long failed, long skipped) {
    return TransactWriteItem.builder()
        .update(update -> update.tableName(table).key(key(jobId))
            .updateExpression("ADD written :written, failed :failed, skipped :skipped, chunksDone :one")
            .conditionExpression("attribute_exists(jobId)")
            .expressionAttributeValues(Map.of(":written", n(written), ":failed", n(failed), ":skipped", n(skipped), ":one", n(1))))
        .build();
  }

  /**
   * A chunk counted as failed was written after all (redriven from the DLQ): move its records from
   * failed to written, or to skipped for reviews that were in the table before.
   */
  TransactWriteItem chunkRecovered(String jobId, long written, long skipped) {
    return TransactWriteItem.builder()
        .update(update -> update.tableName(table).key(key(jobId))
            .updateExpression("ADD written :written, skipped :skipped, failed :minus")
            .expressionAttributeValues(Map.of(":written", n(written), ":skipped", n(skipped), ":minus", n(-(written + skipped)))))
        .build();
  }

  /**
   * Moves a settled job to its final state; empty when it is not settled yet or another writer (or
   * a cancellation) moved it first.
   */
  Optional<ImportJob> settle(ImportJob job) {
    if (!job.isSettled() || job.state().isFinal()) {
      return Optional.empty();
    }
    return transition(job.jobId(), job.finalState(), null, "uploadFinished = :true AND chunksDone >= chunksSent");
  }

  /** Fails a job still in progress, saying why; chunks still queued are then skipped. */
  Optional<ImportJob> fail(String jobId, String reason) {
    return transition(jobId, JobState.FAILED, reason, null);
  }

  /** Cancels a job still in progress; empty when it does not exist or is final already. */
  Optional<ImportJob> cancel(String jobId) {
    return transition(jobId, JobState.CANCELLED, null, null);
  }

  private Optional<ImportJob> transition(String jobId, JobState state, @Nullable String reason, @Nullable String extraCondition) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":state", s(state.name()), ":now", s(TableKeys.timestamp(clock.instant())),
        ":accepted", s(JobState.ACCEPTED.name()), ":running", s(JobState.RUNNING.name())));
    String update = "SET #state = :state, finishedAt = :now";
    if (reason != null) {
      update += ", failureReason = :reason";
      values.put(":reason", s(reason));
    }
    String condition = "attribute_exists(jobId) AND " + ACTIVE;
    if (extraCondition != null) {
      condition += " AND " + extraCondition;
      values.put(":true", AttributeValue.fromBool(true));
    }
    String expression = update;
    String conditionExpression = condition;
    try {
      return Optional.of(job(dynamoDb.updateItem(request -> request.tableName(table).key(key(jobId))
          .updateExpression(expression)
          .conditionExpression(conditionExpression)
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)).attributes()));
    } catch (ConditionalCheckFailedException notNow) {
      return Optional.empty();
    }
  }

  /**
   * One page of jobs, newest first.
   *
   * @throws com.bellyfed.kit.paging.InvalidCursorException when the cursor is not one of this listing's
   */
  Page<ImportJob> list(int limit, @Nullable String cursor) {
    Map<String, AttributeValue> start = cursor == null ? null : cursors.decode(cursor, LISTING, KEY_ATTRIBUTES);
    QueryResponse response = dynamoDb.query(request -> request.tableName(table).indexName("import-jobs-created-index")
        .keyConditionExpression("listKey = :list")
        .expressionAttributeValues(Map.of(":list", s(LIST_KEY)))
        .scanIndexForward(false)
        .limit(limit)
        .exclusiveStartKey(start));
    List<ImportJob> jobs = new ArrayList<>();
    response.items().forEach(item -> jobs.add(job(item)));
    return new Page<>(jobs, cursors.next(LISTING, response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null));
  }

  /** What a cursor of {@link #list} belongs to, and the key it carries (the base table's and the index's). */
  private static final String LISTING = "import-jobs|import-jobs-created-index";
  private static final Set<String> KEY_ATTRIBUTES = Set.of("jobId", "createdAt", "listKey");

  private static ImportJob job(Map<String, AttributeValue> item) {
    List<Rejection> rejections = item.containsKey("rejections")
        ? item.get("rejections").l().stream()
            .map(value -> new Rejection(Long.parseLong(value.m().get("line").n()), value.m().get("reason").s()))
            .toList()
        : List.of();
    return new ImportJob(
        item.get("jobId").s(),
        item.get("type").s(),
        item.get("format").s(),
        JobState.valueOf(item.get("state").s()),
        count(item, "received"),
        count(item, "rejected"),
        count(item, "written"),
        count(item, "failed"),
        count(item, "skipped"),
        count(item, "chunksSent"),
        count(item, "chunksDone"),
        item.containsKey("uploadFinished") && Boolean.TRUE.equals(item.get("uploadFinished").bool()),
        Instant.parse(item.get("createdAt").s()),
        item.containsKey("finishedAt") ? Instant.parse(item.get("finishedAt").s()) : null,
        item.containsKey("failureReason") ? item.get("failureReason").s() : null,
        item.containsKey("idempotencyKey") ? item.get("idempotencyKey").s() : null,
        rejections);
  }

  private static long count(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }

  private static Map<String, AttributeValue> key(String jobId) {
    return Map.of("jobId", s(jobId));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
