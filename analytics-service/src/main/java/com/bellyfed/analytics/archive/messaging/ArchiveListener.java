package com.bellyfed.analytics.archive.messaging;

import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.events.listener.ListenerPause;
import com.bellyfed.events.listener.SqsEventListeners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Takes every event of every bus off the archive queue into the event store, a poll of ten at a
 * time as one BatchWriteItem: the archive sees every event of the platform, so one write per event
 * would make it the busiest consumer. It shares the analytics listener's DynamoDB circuit (its
 * failures count, and it does not write while the circuit is open) and stops polling with it, so
 * that during an outage the platform's events wait in the archive queue rather than spend their
 * three receives.
 */
@Component
class ArchiveListener {

  /** The listener container's id, to stop and start it. */
  static final String ID = "archive";

  private final SqsEventListeners listeners;
  private final EventArchive archive;
  private final CircuitBreaker dynamoDb;

  ArchiveListener(
      SqsEventListeners listeners, EventArchive archive, @Qualifier("analyticsDynamoDbCircuitBreaker") CircuitBreaker dynamoDb,
      ListenerPause pause) {
    this.listeners = listeners;
    this.archive = archive;
    this.dynamoDb = dynamoDb;
    pause.pauseWhileOpen(ID, dynamoDb);
  }

  @SqsListener(
      queueNames = "#{@bellyfedTopology.queue('archive').name()}",
      id = ID,
      maxMessagesPerPoll = "10",
      maxConcurrentMessages = "40",
      acknowledgementMode = "MANUAL")
  void receive(List<Message<String>> batch) {
    listeners.handleTogether(EventArchive.CONSUMER, batch, archive::storeAll, dynamoDb);
  }
}
