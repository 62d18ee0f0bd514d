package com.bellyfed.imports.jobs.messaging;

import com.bellyfed.events.listener.ListenerPause;
import com.bellyfed.events.listener.SqsEventListeners;
import com.bellyfed.imports.jobs.ChunkProcessor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Receives chunks from the import queue. Chunk messages are shaped as EventBridge events carrying
 * an envelope, so {@link SqsEventListeners} deduplicates them by chunk id, backs off failures and
 * lets SQS move a chunk to the import DLQ after the third receive; while DynamoDB is out (its
 * circuit open) the listener stops polling, so an outage does not use up the chunks' receives.
 */
@Component
class ChunkListener {

  /** The listener container's id, to stop and start it. */
  static final String ID = "import-chunks";

  private final SqsEventListeners listeners;
  private final ChunkProcessor processor;
  private final CircuitBreaker dynamoDb;

  ChunkListener(
      SqsEventListeners listeners, ChunkProcessor processor, @Qualifier("importDynamoDbCircuitBreaker") CircuitBreaker dynamoDb,
      ListenerPause pause) {
    this.listeners = listeners;
    this.processor = processor;
    this.dynamoDb = dynamoDb;
    pause.pauseWhileOpen(ID, dynamoDb);
  }

  @SqsListener(
      value = "#{@bellyfedTopology.queue('import').name()}",
      id = ID,
      factory = "importListenerContainerFactory")
  void receive(Message<String> message) {
    int receiveCount = receiveCount(message);
    listeners.handle(ChunkProcessor.CONSUMER, message, chunk -> processor.on(chunk, receiveCount), dynamoDb);
  }

  private static int receiveCount(Message<String> message) {
    var raw = message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
    String count = raw == null ? null : raw.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return count == null ? 1 : Integer.parseInt(count);
  }
}
