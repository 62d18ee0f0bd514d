package com.bellyfed.events;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.TappedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared {@link com.bellyfed.testing.EventTap} on local-aws, catching the events of one
 * correlation id, with the envelopes read as the runtime reads them.
 */
public final class EventTap implements AutoCloseable {

  private final com.bellyfed.testing.EventTap tap;
  private final EnvelopeJson json = new EnvelopeJson();

  private EventTap(com.bellyfed.testing.EventTap tap) {
    this.tap = tap;
  }

  public static EventTap on(LocalAws localAws, String bus, String correlationId) {
    return new EventTap(com.bellyfed.testing.EventTap.correlation(localAws.sqs(), localAws.eventBridge(), bus, correlationId));
  }

  /** Receives until {@code count} events arrived, returning every one received (duplicates included). */
  public List<EventEnvelope> await(int count, Duration timeout) {
    return envelopes(tap.await(count, timeout));
  }

  /** Whatever else arrives within a second. */
  public List<EventEnvelope> more() {
    return envelopes(tap.more());
  }

  private List<EventEnvelope> envelopes(List<TappedEvent> events) {
    List<EventEnvelope> envelopes = new ArrayList<>(events.size());
    events.forEach(event -> envelopes.add(json.read(event.detail().toString())));
    return envelopes;
  }

  @Override
  public void close() {
    tap.close();
  }
}
