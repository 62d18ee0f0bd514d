package com.bellyfed.imports.jobs;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.backoff.Backoff;
import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends chunk messages to the import queue with SendMessageBatch, resending entries SQS refused. */
@Component
class ChunkQueue {

  /** SQS caps a batch at 10 entries and 256 KB in all. */
  static final int MAX_ENTRIES = 10;
  static final int MAX_BATCH_BYTES = 250 * 1024;
  private final SqsClient sqs;
  private final String queueName;
  private final Backoff backoff;
  private volatile String queueUrl;

  ChunkQueue(SqsClient sqs, Topology topology, RetryRegistry retries) {
    this.sqs = sqs;
    this.backoff = Declared.backoff(retries, "chunksend");
    this.queueName = topology.queue("import").name();
  }

  /** Sends the bodies (at most 10, 250 KB in all), keyed by chunk id; returns once SQS holds every one. */
  void send(Map<String, String> bodies) {
    Map<String, SendMessageBatchRequestEntry> pending = new HashMap<>();
    int index = 0;
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      String id = Integer.toString(index++);
      pending.put(id, SendMessageBatchRequestEntry.builder().id(id).messageBody(body.getValue()).build());
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(url()).entries(new ArrayList<>(pending.values())));
      response.successful().forEach(success -> pending.remove(success.id()));
      if (!pending.isEmpty()) {
        List<BatchResultErrorEntry> failed = response.failed();
        if (!backoff.canRetry(attempt) || failed.stream().anyMatch(BatchResultErrorEntry::senderFault)) {
          throw new IllegalStateException("SQS refused chunks of an import: " + failed);
        }
        LockSupport.parkNanos(backoff.delayBefore(attempt).toNanos());
      }
    }
  }

  static int size(String body) {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }

  private String url() {
    String url = queueUrl;
    if (url == null) {
      url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
      queueUrl = url;
    }
    return url;
  }
}
