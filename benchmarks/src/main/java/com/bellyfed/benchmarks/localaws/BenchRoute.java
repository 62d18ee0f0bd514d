package com.bellyfed.benchmarks.localaws;

import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * A fresh bus whose one rule ({@code {"source":["bench"]}}) sends everything to a fresh queue: the
 * shape of a Bellyfed route, without the provisioned topology's rules in the way.
 */
record BenchRoute(EventBridgeClient events, String bus, String rule, BenchQueue queue) implements AutoCloseable {

  static final String SOURCE = "bench";
  private static final String TARGET_ID = "bench-queue";

  static BenchRoute create(BenchClients clients, String purpose) {
    BenchQueue queue = BenchQueue.create(clients.edgeSqs(), clients.region(), purpose);
    String bus = queue.name() + "-bus";
    String rule = queue.name() + "-rule";
    EventBridgeClient events = clients.events();
    events.createEventBus(request -> request.name(bus));
    events.putRule(request -> request.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"" + SOURCE + "\"]}"));
    // A short retry policy: a delivery that keeps failing should show up as dropped, not retry for a day.
    events.putTargets(
        request ->
            request
                .rule(rule)
                .eventBusName(bus)
                .targets(target -> target.id(TARGET_ID).arn(queue.arn()).retryPolicy(retry -> retry.maximumRetryAttempts(2).maximumEventAgeInSeconds(60))));
    return new BenchRoute(events, bus, rule, queue);
  }

  /** Puts one event per detail in one PutEvents call; returns how many entries were accepted. */
  int put(List<String> details) {
    List<PutEventsRequestEntry> entries =
        details.stream()
            .map(detail -> PutEventsRequestEntry.builder().eventBusName(bus).source(SOURCE).detailType("BenchEvent").detail(detail).build())
            .toList();
    PutEventsResponse response = events.putEvents(request -> request.entries(entries));
    Integer failed = response.failedEntryCount();
    return entries.size() - (failed == null ? 0 : failed);
  }

  /** Removes target, rule and bus, but leaves the queue, for deliveries still under way. */
  void closeRule() {
    events.removeTargets(request -> request.rule(rule).eventBusName(bus).ids(TARGET_ID));
    events.deleteRule(request -> request.name(rule).eventBusName(bus));
    events.deleteEventBus(request -> request.name(bus));
  }

  @Override
  public void close() {
    closeRule();
    queue.close();
  }
}
