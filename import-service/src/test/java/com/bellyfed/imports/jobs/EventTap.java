package com.bellyfed.imports.jobs;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.TappedEvent;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The shared {@link com.bellyfed.testing.EventTap} on a bus, catching the events of one correlation id. */
final class EventTap implements AutoCloseable {

  private final com.bellyfed.testing.EventTap tap;

  private EventTap(com.bellyfed.testing.EventTap tap) {
    this.tap = tap;
  }

  static EventTap on(LocalAws localAws, String bus, String correlationId) {
    return new EventTap(com.bellyfed.testing.EventTap.correlation(localAws.sqs(), localAws.eventBridge(), bus, correlationId));
  }

  /** Every event received so far, after waiting up to a second for more (EventBridge events: detail-type, detail with the envelope). */
  List<JsonNode> events() {
    tap.receive(1);
    return tap.received().stream().map(TappedEvent::event).toList();
  }

  @Override
  public void close() {
    tap.close();
  }
}
