package com.bellyfed.analytics.errors.messaging;

import com.bellyfed.analytics.errors.ErrorStore;
import com.bellyfed.events.listener.SqsEventListeners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Takes ErrorOccurred events off the error queue. */
@Component
class ErrorListener {

  private final SqsEventListeners listeners;
  private final ErrorStore errors;

  ErrorListener(SqsEventListeners listeners, ErrorStore errors) {
    this.listeners = listeners;
    this.errors = errors;
  }

  @SqsListener(queueNames = "#{@bellyfedTopology.queue('error').name()}", id = "errors", acknowledgementMode = "MANUAL")
  void receive(List<Message<String>> batch) {
    listeners.handleBatch(ErrorStore.CONSUMER, batch, errors::on, null);
  }
}
