package com.bellyfed.write.support;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.TappedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The shared {@link com.bellyfed.testing.EventTap} on a bus of the topology (by its domain), with
 * the envelopes read as the service reads them.
 */
public final class EventTap implements AutoCloseable {

  private final com.bellyfed.testing.EventTap tap;
  private final EnvelopeJson json = new EnvelopeJson();

  private EventTap(com.bellyfed.testing.EventTap tap) {
    this.tap = tap;
  }

  /** Catches the events of one correlation id on the bus of {@code domain}. */
  public static EventTap correlation(LocalAws localAws, String domain, String correlationId) {
    return new EventTap(com.bellyfed.testing.EventTap.correlation(
        localAws.sqs(), localAws.eventBridge(), localAws.topology().bus(domain).name(), correlationId));
  }

  /** Catches the events matching an EventBridge pattern on the bus of {@code domain}. */
  public static EventTap on(LocalAws localAws, String domain, String pattern) {
    return new EventTap(com.bellyfed.testing.EventTap.on(localAws.sqs(), localAws.eventBridge(), localAws.topology().bus(domain).name(), pattern));
  }

  /** Receives until {@code count} events arrived, returning every one received (duplicates included), in a list the test may add to. */
  public List<EventEnvelope> await(int count, Duration timeout) {
    return tap.await(count, timeout).stream().map(this::envelope).collect(Collectors.toCollection(ArrayList::new));
  }

  /** Whatever else arrives within a second. */
  public List<EventEnvelope> more() {
    return tap.more().stream().map(this::envelope).toList();
  }

  /** The raw EventBridge events (JSON bodies) received until {@code count} arrived. */
  public List<String> awaitRaw(int count, Duration timeout) {
    return tap.await(count, timeout).stream().map(TappedEvent::body).toList();
  }

  /** Runs {@code stimulus} (a request...), to wait for the events it caused next: Spring Modulith's Scenario style. */
  public <R> Stimulus<R> stimulate(Supplier<R> stimulus) {
    return new Stimulus<>(tap.stimulate(stimulus));
  }

  /** What a stimulus returned, and the wait for the event it caused. */
  public final class Stimulus<R> {

    private final com.bellyfed.testing.EventTap.Stimulus<R> stimulus;

    private Stimulus(com.bellyfed.testing.EventTap.Stimulus<R> stimulus) {
      this.stimulus = stimulus;
    }

    public R result() {
      return stimulus.result();
    }

    /** The first event of this type to arrive, within 30 s. */
    public EventEnvelope andWaitForEventOfType(String eventType) {
      return envelope(stimulus.andWaitForEventOfType(eventType));
    }
  }

  /** Every event the tap received so far, in arrival order. */
  public List<EventEnvelope> received() {
    return tap.received().stream().map(this::envelope).toList();
  }

  private EventEnvelope envelope(TappedEvent event) {
    return json.read(event.detail().toString());
  }

  @Override
  public void close() {
    tap.close();
  }
}
