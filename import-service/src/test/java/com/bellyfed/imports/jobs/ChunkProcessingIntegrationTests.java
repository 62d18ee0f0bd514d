package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.jobId;
import static com.bellyfed.imports.jobs.ImportApi.restaurantsIn;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.uniqueCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.imports.records.RecordType;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import com.bellyfed.testing.HttpApi;
import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

@ImportServiceTest
class ChunkProcessingIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired ImportJobs jobs;
  @Autowired MessageListenerContainerRegistry containers;
  @Autowired MeterRegistry registry;
  @Autowired RetryRegistry retries;

  ImportApi api;

  @BeforeEach
  void api(LocalAws localAws) {
    api = ImportApi.asAdmin(port, localAws);
  }

  @Test
  void aChunkDeliveredTwiceIsCountedAndWrittenOnce(LocalAws localAws) {
    String city = uniqueCity();
    String jobId = jobExpecting(5, 1);
    String chunk = chunk(jobId, 0, city, 5);

    sendToImportQueue(localAws, chunk);
    sendToImportQueue(localAws, chunk);

    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(20)).until(() -> messagesIn(localAws, topology.queue("import").name()) == 0);
    job = api.job(jobId);
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(5);
    assertThat(job.path("chunks").path("done").asLong()).isEqualTo(1);
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(5);

    // The same chunk id again, with other records: acknowledged as a duplicate, neither counted nor written.
    String otherCity = uniqueCity();
    sendToImportQueue(localAws, chunk(jobId, 0, otherCity, 3));
    await().atMost(Duration.ofSeconds(20)).until(() -> messagesIn(localAws, topology.queue("import").name()) == 0);
    assertThat(api.job(jobId).path("counts").path("written").asLong()).isEqualTo(5);
    assertThat(restaurantsIn(dynamoDb, topology, otherCity)).isZero();
  }

  @Test
  void aChunkThatKeepsFailingLandsInTheDeadLetterQueueAndTheJobCountsItsRecordsAsFailedUntilAMendedCopyIsWritten(LocalAws localAws) {
    String city = uniqueCity();
    String jobId = jobExpecting(4, 2);
    sendToImportQueue(localAws, chunk(jobId, 0, city, 2));
    // DynamoDB refuses an empty key attribute on every attempt: the chunk can never be written.
    String poison = Chunk.body(jobId, RecordType.RESTAURANTS, 1,
        List.of("{\"restaurantId\":\"\",\"name\":\"Poison\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":1,\"createdAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"restaurantId\":\"" + UUID.randomUUID() + "\",\"name\":\"Beside\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":1,\"createdAt\":\"2026-01-01T00:00:00Z\"}"),
        "test", "test", Instant.now());
    sendToImportQueue(localAws, poison);

    await().atMost(Duration.ofSeconds(60)).until(() -> messagesIn(localAws, topology.deadLetterQueue("import").name()) >= 1);
    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(30));
    assertThat(job.path("state").asString()).isEqualTo("FAILED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(2);
    assertThat(job.path("counts").path("failed").asLong()).isEqualTo(2);
    assertThat(drainDeadLetters(localAws)).anyMatch(body -> body.contains(Chunk.id(jobId, 1)));

    // The same chunk delivered again as a new message, at receive 1 (as after a redrive from the DLQ, or a requeue
    // when it failed as the half-open probe of an outage), now writable: its records move from failed to written.
    sendToImportQueue(localAws, chunk(jobId, 1, city, 2));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.job(jobId).path("counts").path("failed").asLong() == 0);
    job = api.job(jobId);
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(4);
    assertThat(job.path("chunks").path("done").asLong()).as(job.toString()).isEqualTo(2);
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(4);
  }

  @Test
  void aProcessorStoppedMidImportAndStartedAgainCompletesTheJobWithExactCounts(LocalAws localAws) {
    MessageListenerContainer<?> container = containers.getContainerById("import-chunks");
    String city = uniqueCity();
    // Slow batch writes down, so that the stop lands mid-import whatever the engine's speed: local-aws's
    // DynamoDB writes 3,000 restaurants before a poll of the job could see the first of them. 12 chunks, 4 at a
    // time, each 10 batches over 4 writers: about 9 batch latencies, 2.7 s at 300 ms (at 50 ms the import once
    // ended before the job's first progress write made "written" visible, on a machine building two modules).
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofMillis(300)).onlyFor("BatchWriteItem"));
    String jobId;
    try {
      HttpApi.Answer accepted = api.post(Generator.restaurants(3_000, 7, city));
      jobId = jobId(accepted);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> api.job(jobId).path("counts").path("written").asLong() > 0);
      container.stop();
      long writtenWhenStopped = api.job(jobId).path("counts").path("written").asLong();
      assertThat(writtenWhenStopped).as("stopped mid-import").isLessThan(3_000);
      assertThat(api.job(jobId).path("state").asString()).isEqualTo("RUNNING");
    } finally {
      localAws.faults().clear();
      container.start();
    }

    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(60));
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(3_000);
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(3_000);
  }

  @Test
  void anImportUnderThirtyPercentDynamoDbThrottlingCompletesWithExactCounts(LocalAws localAws) {
    String city = uniqueCity();
    localAws.faults().inject(Fault.throttling(AwsService.DYNAMODB, 0.3));
    JsonNode job;
    long throttled;
    try {
      String jobId = jobId(api.post(Generator.restaurants(1_000, 11, city)));
      job = api.awaitSettled(jobId, Duration.ofSeconds(90));
      throttled = localAws.faults().injectedCount();
    } finally {
      localAws.faults().clear();
    }

    assertThat(throttled).as("requests throttled").isPositive();
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(1_000);
    assertThat(job.path("counts").path("failed").asLong()).isZero();
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(1_000);
  }

  @Test
  void aBatchWriteThatFailsPastTheSdksRetriesIsRetriedByTheDeclaredRetryWhoseMetricsCountIt(LocalAws localAws) {
    Retry batchwrite = retries.find("batchwrite").orElseThrow();
    List<RetryOnRetryEvent> retried = new CopyOnWriteArrayList<>();
    batchwrite.getEventPublisher().onRetry(retried::add);
    double succeededAfterRetry = retryCalls("batchwrite", "successful_with_retry");
    String city = uniqueCity();
    // BatchWriteItem unreachable until the writer's own retry (resilience4j.retry.instances.batchwrite)
    // has taken over from the SDK's attempts once; then DynamoDB is back and the retry succeeds.
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB).onlyFor("BatchWriteItem"));
    String jobId;
    try {
      jobId = jobId(api.post(Generator.restaurants(5, 19, city)));
      await().atMost(Duration.ofSeconds(60)).until(() -> !retried.isEmpty());
    } finally {
      localAws.faults().clear();
    }

    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(60));
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(5);
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(5);
    assertThat(retried.get(0).getLastThrowable()).hasCauseInstanceOf(SdkClientException.class);
    // What /actuator/prometheus shows as resilience4j_retry_calls_total{name="batchwrite",kind="successful_with_retry"}.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(
        () -> assertThat(retryCalls("batchwrite", "successful_with_retry")).isGreaterThan(succeededAfterRetry));
  }

  @Test
  void aShortDynamoDbOutageMidImportLosesNothingAndFailsNothing(LocalAws localAws) {
    String city = uniqueCity();
    // Slowed down, the import is still running when DynamoDB goes down: on CI the engine wrote all
    // 2,000 between the poll that saw the first write and the outage, and no chunk was ever set back.
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofMillis(200)).onlyFor("BatchWriteItem"));
    String jobId;
    double setbacks;
    try {
      jobId = jobId(api.post(Generator.restaurants(2_000, 17, city)));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> api.job(jobId).path("counts").path("written").asLong() > 0);
      setbacks = chunkSetbacks();
      localAws.faults().inject(Fault.down(AwsService.DYNAMODB));

      // Down until the outage has cost the import a chunk (failed past the writer's retries, or
      // deferred by the open circuit), so that a chunk has to come back through the queue.
      double before = setbacks;
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> chunkSetbacks() > before);
    } finally {
      localAws.faults().clear();
    }

    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(90));
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(2_000);
    assertThat(job.path("counts").path("failed").asLong()).isZero();
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(2_000);
  }

  @Test
  void aCancelledImportSkipsTheChunksNotYetWrittenAndItsCountsMatchTheTable(LocalAws localAws) {
    String city = uniqueCity();
    // As above: slowed down, the import is still running when the cancel arrives (on CI the engine
    // finished all 6,000 between the poll that saw the first write and the DELETE, which got 409). At 50 ms a
    // call the 24 chunks (4 at a time, 10 batches each, 4 writers) took under a second, and once, with
    // write-service's tests running beside this module, every chunk had started before the DELETE got through:
    // none was left to skip. At 200 ms they take about 4 s.
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofMillis(200)).onlyFor("BatchWriteItem"));
    String jobId;
    HttpApi.Answer cancelled;
    try {
      jobId = jobId(api.post(Generator.restaurants(6_000, 13, city)));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> api.job(jobId).path("counts").path("written").asLong() > 0);
      cancelled = api.delete("/api/imports/" + jobId);
    } finally {
      localAws.faults().clear();
    }

    assertThat(cancelled.status()).isEqualTo(202);
    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(60));
    JsonNode counts = job.path("counts");
    assertThat(job.path("state").asString()).isEqualTo("CANCELLED");
    assertThat(counts.path("skipped").asLong()).as("chunks skipped").isPositive();
    assertThat(counts.path("written").asLong() + counts.path("skipped").asLong() + counts.path("failed").asLong()
        + counts.path("rejected").asLong()).isEqualTo(counts.path("received").asLong());
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(counts.path("written").asLong());
  }

  /** A job created as the upload would have left it: every chunk queued, none written yet. */
  private String jobExpecting(long records, long chunks) {
    String jobId = UUID.randomUUID().toString();
    jobs.create(jobId, "restaurants", "NDJSON", null);
    jobs.finishUpload(jobId, records, 0, chunks, List.of());
    return jobId;
  }

  private static String chunk(String jobId, long sequence, String city, int records) {
    List<String> json = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      json.add("{\"restaurantId\":\"" + UUID.randomUUID() + "\",\"name\":\"Chunked " + i + "\",\"city\":\"" + city
          + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":2,\"createdAt\":\"2026-01-01T00:00:00Z\"}");
    }
    return Chunk.body(jobId, RecordType.RESTAURANTS, sequence, json, "test-" + jobId, "test", Instant.now());
  }

  private void sendToImportQueue(LocalAws localAws, String body) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue("import").name())).queueUrl();
    localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body));
  }

  private List<String> drainDeadLetters(LocalAws localAws) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.deadLetterQueue("import").name())).queueUrl();
    List<String> bodies = new ArrayList<>();
    localAws.sqs().receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10)).messages().forEach(message -> {
      bodies.add(message.body());
      localAws.sqs().deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
    });
    return bodies;
  }

  private static int messagesIn(LocalAws localAws, String queue) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
    Map<QueueAttributeName, String> attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** Chunks the import's consumer did not get through: its handler failed, or the open circuit deferred it. */
  private double chunkSetbacks() {
    return registry.find("bellyfed.events.handler.failures").tag("consumer", ChunkProcessor.CONSUMER).counters().stream()
            .mapToDouble(Counter::count).sum()
        + registry.find("bellyfed.events.consumer.deferred").tag("consumer", ChunkProcessor.CONSUMER).counters().stream()
            .mapToDouble(Counter::count).sum();
  }

  private double retryCalls(String retry, String kind) {
    return registry.find("resilience4j.retry.calls").tag("name", retry).tag("kind", kind).functionCounters().stream()
        .mapToDouble(counter -> counter.count()).sum();
  }
}
