package com.bellyfed.analytics.ingest.messaging;

import com.bellyfed.analytics.deadletters.DeadLetters;
import com.bellyfed.analytics.ingest.AnalyticsIngest;
import com.bellyfed.events.listener.SqsEventListeners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import java.util.Optional;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Takes analytics events off the analytics queue, polling ten at a time and handling up to 40 at
 * once, each on its own (a batch listener would handle its ten one after the other, and the
 * service's throughput is the number of transactions in flight). A message that breaks the seed
 * structure goes to the dead-letter queue at once with the reason (retrying cannot fix it); the
 * others go through the reliable consumer.
 */
@Component
class AnalyticsListener {

  private final SqsEventListeners listeners;
  private final AnalyticsIngest ingest;
  private final DeadLetters deadLetters;

  AnalyticsListener(SqsEventListeners listeners, AnalyticsIngest ingest, DeadLetters deadLetters) {
    this.listeners = listeners;
    this.ingest = ingest;
    this.deadLetters = deadLetters;
  }

  @SqsListener(
      queueNames = "#{@bellyfedTopology.queue('analytics').name()}",
      id = "analytics",
      maxMessagesPerPoll = "10",
      maxConcurrentMessages = "40")
  void receive(Message<String> message) {
    Optional<String> problem = ingest.problemWith(message.getPayload());
    if (problem.isPresent()) {
      String queueUrl = String.valueOf(message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER));
      // Returning acknowledges the message: it now lives in the DLQ only.
      deadLetters.reject("analytics", queueUrl, message.getPayload(), AnalyticsIngest.CONSUMER, problem.get());
      return;
    }
    listeners.handle(AnalyticsIngest.CONSUMER, message, ingest::on);
  }
}
