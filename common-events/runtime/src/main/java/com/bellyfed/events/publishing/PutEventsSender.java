package com.bellyfed.events.publishing;

import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.catalog.EventDefinition;
import com.bellyfed.events.catalog.InvalidEventException;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * One PutEvents call for up to 10 prepared events, behind a circuit breaker; the publisher and the
 * outbox relay both send through it, so an open circuit stops both.
 */
public final class PutEventsSender {

  public static final int MAX_ENTRIES = 10;
  public static final int MAX_BYTES = 256 * 1024;
  // AWS counts 14 bytes for an entry's Time.
  private static final int TIME_BYTES = 14;

  private final EventBridgeClient client;
  private final CircuitBreaker breaker;
  private final EventCatalog catalog;
  private final Topology topology;
  private final EnvelopeJson json;

  public PutEventsSender(EventBridgeClient client, CircuitBreaker breaker, EventCatalog catalog, Topology topology, EnvelopeJson json) {
    this.client = client;
    this.breaker = breaker;
    this.catalog = catalog;
    this.topology = topology;
    this.json = json;
  }

  /** An envelope with its PutEvents entry, built once. */
  public record Prepared(EventEnvelope envelope, PutEventsRequestEntry entry, int size) {}

  /** The result of one entry: success, or AWS's error code and message. */
  public record Outcome(Prepared prepared, @Nullable String errorCode, @Nullable String errorMessage) {
    public boolean succeeded() {
      return errorCode == null;
    }
  }

  /**
   * Builds the PutEvents entry of an envelope.
   *
   * @throws InvalidEventException when the entry would exceed EventBridge's 256 KB
   */
  public Prepared prepare(EventEnvelope envelope) {
    EventDefinition definition = catalog.require(envelope.eventType());
    String detail = json.write(envelope);
    PutEventsRequestEntry entry =
        PutEventsRequestEntry.builder()
            .eventBusName(topology.bus(definition.busDomain()).name())
            .source(definition.source())
            .detailType(definition.detailType())
            .time(envelope.timestamp())
            .detail(detail)
            .build();
    int size = utf8(definition.source()) + utf8(definition.detailType()) + utf8(detail) + TIME_BYTES;
    if (size > MAX_BYTES) {
      throw new InvalidEventException(
          "Event " + envelope.eventType() + " is " + size + " bytes; EventBridge takes at most " + MAX_BYTES);
    }
    return new Prepared(envelope, entry, size);
  }

  /**
   * Sends up to 10 events in one call.
   *
   * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when the circuit is open
   * @throws software.amazon.awssdk.core.exception.SdkException when the call as a whole failed
   */
  public List<Outcome> send(List<Prepared> batch) {
    if (batch.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("PutEvents takes at most " + MAX_ENTRIES + " entries, got " + batch.size());
    }
    List<PutEventsRequestEntry> entries = batch.stream().map(Prepared::entry).toList();
    PutEventsResponse response = breaker.executeSupplier(() -> client.putEvents(request -> request.entries(entries)));
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      PutEventsResultEntry result = response.entries().get(i);
      outcomes.add(new Outcome(batch.get(i), result.errorCode(), result.errorMessage()));
    }
    return outcomes;
  }

  /**
   * False while the circuit is open: callers with time to spare should wait instead of failing.
   * Asking moves an open circuit whose wait is over to half-open, as a call would.
   */
  public boolean permitsCalls() {
    if (breaker.tryAcquirePermission()) {
      breaker.releasePermission();
      return true;
    }
    return false;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
