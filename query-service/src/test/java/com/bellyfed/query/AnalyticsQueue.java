package com.bellyfed.query;

import com.bellyfed.events.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the topology's analytics queue, where the analytics rule delivers every {@code *_ANALYTICS}
 * event (analytics-service does not run in these tests, so the events wait there). Whatever it
 * receives it keeps by correlation id for the whole JVM, so one test's receive never hides another
 * test's events.
 */
public final class AnalyticsQueue {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, List<JsonNode>> RECEIVED = new ConcurrentHashMap<>();

  private final SqsClient sqs;
  private final String queueUrl;

  public AnalyticsQueue(SqsClient sqs, Topology topology) {
    this.sqs = sqs;
    String name = topology.queue("analytics").name();
    this.queueUrl = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
  }

  /** The envelopes ({@code detail}) of the events of {@code correlationId}, once {@code count} arrived. */
  public List<JsonNode> await(String correlationId, int count, Duration timeout) {
    // Looks at what was received before receiving again: a receive on an empty queue waits 1 s.
    Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
      if (RECEIVED.getOrDefault(correlationId, List.of()).size() >= count) {
        return true;
      }
      receive();
      return RECEIVED.getOrDefault(correlationId, List.of()).size() >= count;
    });
    return List.copyOf(RECEIVED.get(correlationId));
  }

  private synchronized void receive() throws Exception {
    List<Message> messages =
        sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    if (messages.isEmpty()) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
    for (Message message : messages) {
      JsonNode detail = JSON.readTree(message.body()).path("detail");
      RECEIVED.computeIfAbsent(detail.path("correlationId").asString(), id -> new CopyOnWriteArrayList<>()).add(detail);
      deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size())).receiptHandle(message.receiptHandle()).build());
    }
    sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
  }
}
