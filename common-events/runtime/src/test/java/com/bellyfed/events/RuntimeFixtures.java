package com.bellyfed.events;

import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.events.publishing.PutEventsSender;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The runtime's parts wired against the shared local-aws, as a service would wire them. */
public final class RuntimeFixtures {

  public static final EnvelopeJson JSON = new EnvelopeJson();
  public static final EventCatalog CATALOG = EventCatalog.bellyfed();

  private RuntimeFixtures() {}

  public static EventFactory factory() {
    return new EventFactory(CATALOG, JSON, EventFactory.plainValidator(), "test-service", Clock.systemUTC());
  }

  /** The SQS body a rule delivers: an EventBridge event with the envelope as its detail. */
  public static String eventBridgeEvent(EventEnvelope envelope) {
    return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"ReviewCreated\",\"source\":\"bellyfed.restaurant\","
        + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":" + JSON.write(envelope) + "}";
  }

  /** A breaker that opens quickly and probes again after a second, so fault tests stay short. */
  public static CircuitBreaker quickBreaker() {
    return CircuitBreaker.of(
        "eventbridge-" + UUID.randomUUID(),
        CircuitBreakerConfig.custom()
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(1))
            .permittedNumberOfCallsInHalfOpenState(2)
            .build());
  }

  public static PutEventsSender sender(LocalAws localAws, CircuitBreaker breaker, Topology topology) {
    return new PutEventsSender(localAws.eventBridge(), breaker, CATALOG, topology, JSON);
  }

  /** A private copy of the outbox table, so that one test's sweeper never takes another test's rows. */
  public static OutboxStore privateOutbox(LocalAws localAws) {
    TableDefinition outbox = localAws.topology().table("outbox");
    String name = "bellyfed-outbox" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x") + "-dev";
    new Provisioner(localAws.sqs(), localAws.dynamoDb(), localAws.eventBridge(), false)
        .apply(new TableDefinition(name, outbox.partitionKey(), outbox.sortKey(), outbox.indexes(), outbox.ttlAttribute()));
    return new OutboxStore(localAws.dynamoDb(), name, JSON, Clock.systemUTC());
  }
}
