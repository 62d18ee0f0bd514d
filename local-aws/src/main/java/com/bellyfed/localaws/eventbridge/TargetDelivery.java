package com.bellyfed.localaws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Delivers matched events to their targets off the caller's thread, as EventBridge does: a failed
 * delivery is retried with exponential backoff and jitter until the target's RetryPolicy runs out
 * (attempts or event age), then the event goes to the target's dead-letter queue with the
 * attributes AWS sets, or is dropped and counted when the target has none.
 */
final class TargetDelivery implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final SqsClient sqs;
  private final String edgeBase;
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
   * @param sqs a client of ElasticMQ itself, with SDK retries off: the target's policy governs
   * @param edgeBase the edge URL queue URLs are built on
   * @param busForwarder puts an event onto another bus (targets that are buses)
   */
  TargetDelivery(
      SqsClient sqs,
      String edgeBase,
      InputTransformation transformation,
      BiConsumer<String, JsonNode> busForwarder,
      ExecutorService workers,
      ScheduledExecutorService retries,
      Duration retryBase) {
    this.sqs = sqs;
    this.edgeBase = edgeBase;
    this.transformation = transformation;
    this.busForwarder = busForwarder;
    this.workers = workers;
    this.retries = retries;
    this.retryBase = retryBase;
  }

  Stats stats() {
    return stats;
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
    sqs.sendMessage(request -> request.queueUrl(queueUrl(target.arn())).messageBody(body));
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
          job.event().path("id").asText(), target.id(), job.rule().name(), job.attempt(), error.toString());
      return;
    }
    try {
      sqs.sendMessage(
          request ->
              request
                  .queueUrl(queueUrl(target.deadLetterArn()))
                  .messageBody(job.eventJson())
                  .messageAttributes(
                      Map.of(
                          "RULE_ARN", text(job.rule().arn()),
                          "TARGET_ARN", text(target.arn()),
                          "ERROR_CODE", text(errorCode),
                          "ERROR_MESSAGE", text(String.valueOf(error.getMessage())),
                          "EXHAUSTED_RETRY_CONDITION", text(condition),
                          "RETRY_ATTEMPTS", text(Integer.toString(job.attempt() - 1)))));
      stats.deadLettered.incrementAndGet();
    } catch (RuntimeException deadLetterFailed) {
      stats.dropped.incrementAndGet();
      log.warn(
          "Dropped event {}: its dead-letter queue {} failed too: {}",
          job.event().path("id").asText(), target.deadLetterArn(), deadLetterFailed.toString());
    }
  }

  /** {@code arn:aws:sqs:region:account:name} to the edge URL of that queue. */
  private String queueUrl(String arn) {
    String[] parts = arn.split(":", 6);
    return edgeBase + "/" + parts[4] + "/" + parts[5];
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
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
