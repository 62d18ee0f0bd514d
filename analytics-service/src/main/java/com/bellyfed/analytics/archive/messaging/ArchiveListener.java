package com.bellyfed.analytics.archive.messaging;

import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.events.listener.SqsEventListeners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Takes every event of every bus off the archive queue into the event store, a poll of ten at a
 * time as one BatchWriteItem: the archive sees every event of the platform, so one write per event
 * would make it the busiest consumer.
 */
@Component
class ArchiveListener {

  private final SqsEventListeners listeners;
  private final EventArchive archive;

  ArchiveListener(SqsEventListeners listeners, EventArchive archive) {
    this.listeners = listeners;
    this.archive = archive;
  }

  @SqsListener(
      queueNames = "#{@bellyfedTopology.queue('archive').name()}",
      id = "archive",
      maxMessagesPerPoll = "10",
      maxConcurrentMessages = "40",
      acknowledgementMode = "MANUAL")
  void receive(List<Message<String>> batch, BatchAcknowledgement<String> acknowledgement) {
    listeners.handleTogether(EventArchive.CONSUMER, batch, acknowledgement, archive::storeAll, null);
  }
}
