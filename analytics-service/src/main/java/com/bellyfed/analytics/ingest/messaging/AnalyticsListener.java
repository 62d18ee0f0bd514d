package com.bellyfed.analytics.ingest.messaging;

import com.bellyfed.analytics.deadletters.DeadLetters;
import com.bellyfed.analytics.ingest.AnalyticsIngest;
import com.bellyfed.events.listener.ListenerPause;
import com.bellyfed.events.listener.SqsEventListeners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Takes analytics events off the analytics queue ten at a time, with up to forty polls in flight (enough to give each writer full transactions).
 * A message that breaks the seed structure goes to the dead-letter queue at once with the reason
 * (retrying cannot fix it); the valid ones of a poll are stored together, in a transaction shared
 * with the other polls' events (throughput is events per transaction, not transactions in flight).
 * While DynamoDB is out (its circuit open) the listener stops polling.
 */
@Component
class AnalyticsListener {

  /** The listener container's id, to stop and start it. */
  static final String ID = "analytics";

  private final SqsEventListeners listeners;
  private final AnalyticsIngest ingest;
  private final DeadLetters deadLetters;
  private final CircuitBreaker dynamoDb;

  AnalyticsListener(
      SqsEventListeners listeners, AnalyticsIngest ingest, DeadLetters deadLetters,
      @Qualifier("analyticsDynamoDbCircuitBreaker") CircuitBreaker dynamoDb, ListenerPause pause) {
    this.listeners = listeners;
    this.ingest = ingest;
    this.deadLetters = deadLetters;
    this.dynamoDb = dynamoDb;
    pause.pauseWhileOpen(ID, dynamoDb);
  }

  @SqsListener(
      queueNames = "#{@bellyfedTopology.queue('analytics').name()}",
      id = ID,
      maxMessagesPerPoll = "10",
      maxConcurrentMessages = "400",
      acknowledgementMode = "MANUAL")
  void receive(List<Message<String>> batch) {
    List<Message<String>> valid = new ArrayList<>(batch.size());
    List<Message<String>> rejected = new ArrayList<>();
    for (Message<String> message : batch) {
      Optional<String> problem = ingest.problemWith(message.getPayload());
      if (problem.isPresent()) {
        String queueUrl = String.valueOf(message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER));
        deadLetters.reject("analytics", queueUrl, message.getPayload(), AnalyticsIngest.CONSUMER, problem.get());
        rejected.add(message);
      } else {
        valid.add(message);
      }
    }
    if (!rejected.isEmpty()) {
      // Deleted: they now live in the DLQ only.
      listeners.delete(rejected);
    }
    if (!valid.isEmpty()) {
      listeners.handleTogether(AnalyticsIngest.CONSUMER, valid, ingest::store, dynamoDb);
    }
  }
}
