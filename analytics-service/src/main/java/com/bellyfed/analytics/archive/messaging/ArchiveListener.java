package com.bellyfed.analytics.archive.messaging;

import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.events.listener.SqsEventListeners;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Takes every event of every bus off the archive queue into the event store. */
@Component
class ArchiveListener {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SqsEventListeners listeners;
  private final EventArchive archive;

  ArchiveListener(SqsEventListeners listeners, EventArchive archive) {
    this.listeners = listeners;
    this.archive = archive;
  }

  @SqsListener(queueNames = "#{@bellyfedTopology.queue('archive').name()}", id = "archive", maxConcurrentMessages = "20")
  void receive(Message<String> message) {
    // The envelope does not carry the EventBridge detail-type; a replay must publish it again as it came.
    String detailType = detailType(message.getPayload());
    listeners.handle(EventArchive.CONSUMER, message, event -> archive.store(event, detailType));
  }

  private static String detailType(String body) {
    try {
      return MAPPER.readTree(body).path("detail-type").asText("Unknown");
    } catch (Exception unparseable) {
      return "Unknown"; // the reliable consumer dead-letters it with the parse error
    }
  }
}
