package com.bellyfed.imports.jobs;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.resilience.Attempts;
import com.bellyfed.kit.resilience.Declared;
import com.bellyfed.kit.resilience.TryAgain;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Retry retry;
  private volatile String queueUrl;

  ChunkQueue(SqsClient sqs, Topology topology, RetryRegistry retries) {
    this.sqs = sqs;
    this.retry = Declared.retry(retries, "chunksend");
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
    // Entries SQS refused for its own reasons are sent again: resilience4j.retry.instances.chunksend.
    Attempts.run(retry, attempt -> {
      SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(url()).entries(new ArrayList<>(pending.values())));
      response.successful().forEach(success -> pending.remove(success.id()));
      if (!pending.isEmpty()) {
        List<BatchResultErrorEntry> failed = response.failed();
        IllegalStateException refused = new IllegalStateException("SQS refused chunks of an import: " + failed);
        throw failed.stream().anyMatch(BatchResultErrorEntry::senderFault) ? refused : new TryAgain(refused);
      }
    });
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
