package com.bellyfed.analytics.replay;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.EventTap;
import java.util.List;

/** The shared {@link EventTap} on a private bus of its own, to see what a replay publishes. */
final class BusTap implements AutoCloseable {

  final String bus;
  private final EventTap tap;

  private BusTap(EventTap tap) {
    this.tap = tap;
    this.bus = tap.bus();
  }

  static BusTap create(LocalAws localAws) {
    return new BusTap(EventTap.newBus(localAws.sqs(), localAws.eventBridge()));
  }

  /** Whatever arrived, in arrival order, each message deleted as it is read. */
  List<EventEnvelope> drain() {
    return tap.receive(0).stream().map(event -> AnalyticsFixtures.JSON.read(event.detail().toString())).toList();
  }

  @Override
  public void close() {
    tap.close();
  }
}
