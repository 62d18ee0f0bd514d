package com.bellyfed.localaws.eventbridge;

import com.bellyfed.localaws.sqs.ElasticMqQueues;
import com.bellyfed.localaws.sqs.ElasticMqQueues.Outgoing;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Delivers matched events to their targets off the caller's thread, as EventBridge does: a failed
 * delivery is retried with exponential backoff and jitter until the target's RetryPolicy runs out
 * (attempts or event age), then the event goes to the target's dead-letter queue with the
 * attributes AWS sets, or is dropped and counted when the target has none.
 */
final class TargetDelivery implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** Deliveries to one queue that one worker task puts in, as one SendMessageBatch would carry them. */
  private static final int MAX_BATCH = 10;

  private final ElasticMqQueues queues;
  private final InputTransformation transformation;
  private final BiConsumer<String, JsonNode> busForwarder;
  private final ExecutorService workers;
  private final ScheduledExecutorService retries;
  private final Duration retryBase;
  private final Stats stats = new Stats();

  /** Counters of what deliveries did, for tests, benchmarks and the admin endpoint. */
  static final class Stats {
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    Map<String, Long> asMap() {
      return Map.of(
          "delivered", delivered.get(),
          "retried", retried.get(),
          "deadLettered", deadLettered.get(),
          "dropped", dropped.get());
    }
  }

  /** One event on its way to one target. */
  record Job(Rule rule, Target target, JsonNode event, String eventJson, long ingestedMillis, int attempt) {
    Job next() {
      return new Job(rule, target, event, eventJson, ingestedMillis, attempt + 1);
    }
  }

  /**
   * @param queues ElasticMQ's queues, in-process: only the target's policy retries
   * @param busForwarder puts an event onto another bus (targets that are buses)
   */
  TargetDelivery(
      ElasticMqQueues queues,
      InputTransformation transformation,
      BiConsumer<String, JsonNode> busForwarder,
      ExecutorService workers,
      ScheduledExecutorService retries,
      Duration retryBase) {
    this.queues = queues;
    this.transformation = transformation;
    this.busForwarder = busForwarder;
    this.workers = workers;
    this.retries = retries;
    this.retryBase = retryBase;
  }

  Stats stats() {
    return stats;
  }

  /**
   * Hands over the deliveries of one PutEvents call: those to the same queue go in together, ten per
   * worker task, the rest one by one.
   */
  void submitAll(List<Job> jobs) {
    Map<String, List<Job>> byQueue = new LinkedHashMap<>();
    for (Job job : jobs) {
      if (job.target().arn().startsWith("arn:aws:sqs:")) {
        byQueue.computeIfAbsent(job.target().arn(), arn -> new ArrayList<>()).add(job);
      } else {
        submit(job);
      }
    }
    byQueue.values().forEach(queueJobs -> {
      for (int from = 0; from < queueJobs.size(); from += MAX_BATCH) {
        submitBatch(new ArrayList<>(queueJobs.subList(from, Math.min(queueJobs.size(), from + MAX_BATCH))));
      }
    });
  }

  private void submitBatch(List<Job> batch) {
    if (batch.size() == 1) {
      submit(batch.get(0));
      return;
    }
    try {
      workers.execute(() -> attemptBatch(batch));
    } catch (RejectedExecutionException stopping) {
      stats.dropped.addAndGet(batch.size());
    }
  }

  private void attemptBatch(List<Job> batch) {
    List<Outgoing> messages = new ArrayList<>(batch.size());
    for (Job job : batch) {
      messages.add(Outgoing.of(transformation.inputFor(job.target(), job.rule(), job.event(), job.eventJson(), job.ingestedMillis())));
    }
    List<@Nullable SqsException> refusals;
    try {
      refusals = queues.send(queueName(batch.get(0).target().arn()), messages);
    } catch (RuntimeException e) {
      batch.forEach(job -> retryOrDeadLetter(job, e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      @Nullable SqsException refusal = refusals.get(i);
      if (refusal == null) {
        stats.delivered.incrementAndGet();
      } else {
        retryOrDeadLetter(batch.get(i), refusal);
      }
    }
  }

  void submit(Job job) {
    try {
      workers.execute(() -> attempt(job));
    } catch (RejectedExecutionException stopping) {
      stats.dropped.incrementAndGet();
    }
  }

  private void attempt(Job job) {
    try {
      send(job);
      stats.delivered.incrementAndGet();
    } catch (RuntimeException e) {
      retryOrDeadLetter(job, e);
    }
  }

  private void send(Job job) {
    Target target = job.target();
    if (target.arn().startsWith("arn:aws:events:")) {
      busForwarder.accept(target.arn(), job.event());
      return;
    }
    String body = transformation.inputFor(target, job.rule(), job.event(), job.eventJson(), job.ingestedMillis());
    @Nullable SqsException refusal = queues.send(queueName(target.arn()), List.of(Outgoing.of(body))).get(0);
    if (refusal != null) {
      throw refusal;
    }
  }

  private void retryOrDeadLetter(Job job, RuntimeException error) {
    Target target = job.target();
    long ageMillis = System.currentTimeMillis() - job.ingestedMillis();
    long backoff = backoffMillis(job.attempt());
    if (job.attempt() > target.maximumRetryAttempts()) {
      deadLetter(job, error, "MaximumRetryAttemptsExhausted");
    } else if (ageMillis + backoff > target.maximumEventAgeSeconds() * 1000L) {
      deadLetter(job, error, "MaximumEventAgeExceeded");
    } else {
      stats.retried.incrementAndGet();
      try {
        retries.schedule(() -> submit(job.next()), backoff, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        stats.dropped.incrementAndGet();
      }
    }
  }

  private long backoffMillis(int attempt) {
    long exponential = retryBase.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(exponential, MAX_BACKOFF.toMillis());
    // Full jitter on the upper half keeps retries of many events from arriving in lock step.
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }

  private void deadLetter(Job job, RuntimeException error, String condition) {
    Target target = job.target();
    String errorCode =
        error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            ? aws.awsErrorDetails().errorCode()
            : error.getClass().getSimpleName();
    if (target.deadLetterArn() == null) {
      stats.dropped.incrementAndGet();
      log.warn(
          "Dropped event {} for target {} of rule {} after {} attempts: {}",
          job.event().path("id").asString(""), target.id(), job.rule().name(), job.attempt(), error.toString());
      return;
    }
    Map<String, String> attributes = Map.of(
        "RULE_ARN", job.rule().arn(),
        "TARGET_ARN", target.arn(),
        "ERROR_CODE", errorCode,
        "ERROR_MESSAGE", String.valueOf(error.getMessage()),
        "EXHAUSTED_RETRY_CONDITION", condition,
        "RETRY_ATTEMPTS", Integer.toString(job.attempt() - 1));
    @Nullable RuntimeException deadLetterFailed;
    try {
      deadLetterFailed = queues.send(queueName(target.deadLetterArn()), List.of(new Outgoing(job.eventJson(), attributes))).get(0);
    } catch (RuntimeException e) {
      deadLetterFailed = e;
    }
    if (deadLetterFailed == null) {
      stats.deadLettered.incrementAndGet();
    } else {
      stats.dropped.incrementAndGet();
      log.warn(
          "Dropped event {}: its dead-letter queue {} failed too: {}",
          job.event().path("id").asString(""), target.deadLetterArn(), deadLetterFailed.toString());
    }
  }

  /** {@code arn:aws:sqs:region:account:name} to the queue's name. */
  private static String queueName(String arn) {
    return arn.split(":", 6)[5];
  }

  @Override
  public void close() {
    retries.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
