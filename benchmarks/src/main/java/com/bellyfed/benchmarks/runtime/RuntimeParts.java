package com.bellyfed.benchmarks.runtime;

import com.bellyfed.events.autoconfigure.ResilienceDefaults;
import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.consuming.ConsumerSettings;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.publishing.EventBridgePublisher;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.events.publishing.PublisherSettings;
import com.bellyfed.events.publishing.PutEventsSender;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.kit.resilience.Declared;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The runtime's parts wired against one local-aws as a service's auto-configuration wires them: the
 * same catalog, the breaker from Resilience4j's registry as the services get it, outbox and processed-events tables, and the shared edge clients of
 * local-aws (stock SDK clients with their default retries), as the runtime's own integration tests do.
 *
 * @param bus the restaurant bus, where {@code restaurant.review.created} goes
 */
public record RuntimeParts(
    LocalAws localAws, EnvelopeJson json, EventFactory factory, PutEventsSender sender, OutboxStore outbox, IdempotencyGuard guard, String bus) {

  /** The event of every phase: a new review, on the restaurant bus. */
  public static final String EVENT_TYPE = "restaurant.review.created";

  public static RuntimeParts wire(LocalAws localAws) {
    Topology topology = localAws.topology();
    EnvelopeJson json = new EnvelopeJson();
    EventCatalog catalog = EventCatalog.bellyfed();
    EventFactory factory = new EventFactory(catalog, json, EventFactory.plainValidator(), "benchmarks", Clock.systemUTC());
    PutEventsSender sender = new PutEventsSender(localAws.eventBridge(), breaker(), catalog, topology, json);
    OutboxStore outbox = new OutboxStore(localAws.dynamoDb(), topology.table("outbox").name(), json, Clock.systemUTC());
    IdempotencyGuard guard =
        new IdempotencyGuard(localAws.dynamoDb(), topology.table("processed-events").name(), Clock.systemUTC(), IdempotencyGuard.DEFAULT_RETENTION);
    return new RuntimeParts(localAws, json, factory, sender, outbox, guard, topology.bus("restaurant").name());
  }

  /** A publisher with the default settings but {@code senders} sender threads, metering into {@code registry}. */
  public EventBridgePublisher publisher(int senders, MeterRegistry registry) {
    PublisherSettings defaults = PublisherSettings.defaults();
    PublisherSettings settings =
        new PublisherSettings(
            defaults.bufferCapacity(), defaults.offerTimeout(), senders, defaults.backoff(), defaults.shutdownTimeout(), defaults.linger());
    return new EventBridgePublisher(factory, sender, outbox, settings, registry);
  }

  public ReliableConsumer consumer(MeterRegistry registry) {
    return new ReliableConsumer(localAws.sqs(), guard, json, ConsumerSettings.defaults(), Clock.systemUTC(), registry);
  }

  /** An envelope of the run's correlation id: the factory takes it from the MDC, as in a request. */
  public EventEnvelope envelope(String correlationId, Object payload) {
    return Correlation.with(correlationId, null, () -> factory.create(EVENT_TYPE, payload));
  }

  /** The guard's table, for its GetItem + PutItem measured on their own. */
  public String processedEventsTable() {
    return localAws.topology().table("processed-events").name();
  }

  /**
   * {@code resilience4j.circuitbreaker.instances.eventbridge} from the registry Resilience4j's starter
   * builds, with the runtime's defaults yml (ResilienceDefaults) and whatever the environment says
   * ({@code RESILIENCE4J_CIRCUITBREAKER_INSTANCES_EVENTBRIDGE_*}), as in a service. A bare context,
   * not a SpringApplication: no application.yml on the classpath (import-service's is) may change it.
   * It holds nothing else and lives as long as the run.
   */
  static CircuitBreaker breaker() {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    new ResilienceDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
    context.register(Resilience.class);
    context.refresh();
    return Declared.circuitBreaker(context.getBean(CircuitBreakerRegistry.class), "eventbridge");
  }

  /** Resilience4j's breaker auto-configuration alone. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(CircuitBreakerAutoConfiguration.class)
  static class Resilience {}
}
