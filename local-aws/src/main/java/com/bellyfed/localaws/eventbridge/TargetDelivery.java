package com.bellyfed.localaws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
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
  private static final int MAX_BATCH = 10;
  private static final int MAX_BATCH_BYTES = 256 * 1024;

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

  /**
   * Hands over the deliveries of one PutEvents call: those to the same queue go out together in
   * SendMessageBatch calls (10 messages, 256 KB at most), the rest one by one.
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
      List<Job> chunk = new ArrayList<>();
      int bytes = 0;
      for (Job job : queueJobs) {
        int size = job.eventJson().length();
        if (!chunk.isEmpty() && (chunk.size() == MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
          submitBatch(chunk);
          chunk = new ArrayList<>();
          bytes = 0;
        }
        chunk.add(job);
        bytes += size;
      }
      submitBatch(chunk);
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
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Job job = batch.get(i);
      entries.add(SendMessageBatchRequestEntry.builder()
          .id(Integer.toString(i))
          .messageBody(transformation.inputFor(job.target(), job.rule(), job.event(), job.eventJson(), job.ingestedMillis()))
          .build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl(batch.get(0).target().arn())).entries(entries));
    } catch (RuntimeException e) {
      batch.forEach(job -> retryOrDeadLetter(job, e));
      return;
    }
    stats.delivered.addAndGet(response.successful().size());
    for (BatchResultErrorEntry failure : response.failed()) {
      Job job = batch.get(Integer.parseInt(failure.id()));
      retryOrDeadLetter(job, SqsException.builder()
          .message(failure.message())
          .awsErrorDetails(AwsErrorDetails.builder().errorCode(failure.code()).errorMessage(failure.message()).build())
          .build());
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
