package com.bellyfed.events.publishing;

import com.bellyfed.events.envelope.EventEnvelope;

/** Publishes events to EventBridge; {@code publish} returns at once and delivery happens in the background. */
public interface EventPublisher {

  /**
   * Builds, checks and queues an event.
   *
   * @throws com.bellyfed.events.catalog.InvalidEventException naming what is wrong with it
   */
  EventEnvelope publish(String eventType, Object payload);

  /** Queues an envelope built by the {@link EventFactory}. */
  void publish(EventEnvelope envelope);
}
