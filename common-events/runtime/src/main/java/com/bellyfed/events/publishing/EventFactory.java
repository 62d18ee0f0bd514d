package com.bellyfed.events.publishing;

import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.catalog.EventDefinition;
import com.bellyfed.events.catalog.InvalidEventException;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.envelope.TracePropagation;
import tools.jackson.databind.JsonNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Builds envelopes and refuses invalid events at the call site: an unknown type, a payload that
 * fails its bean-validation constraints or lacks a field the catalog requires. Correlation and
 * causation ids and the acting user come from {@link Correlation} (the logging MDC); the current trace
 * context goes into the metadata ({@link TracePropagation}).
 */
public final class EventFactory {

  private final EventCatalog catalog;
  private final EnvelopeJson json;
  private final Validator validator;
  private final String service;
  private final Clock clock;
  private final TracePropagation tracing;

  public EventFactory(EventCatalog catalog, EnvelopeJson json, Validator validator, String service, Clock clock) {
    this(catalog, json, validator, service, clock, TracePropagation.NONE);
  }

  public EventFactory(
      EventCatalog catalog, EnvelopeJson json, Validator validator, String service, Clock clock, TracePropagation tracing) {
    this.tracing = tracing;
    this.catalog = catalog;
    this.json = json;
    this.validator = validator;
    this.service = service;
    this.clock = clock;
  }

  /**
   * A bean validator that needs no expression-language implementation on the class path, for
   * callers without one of their own (Spring Boot services pass theirs).
   */
  public static Validator plainValidator() {
    return Validation.byDefaultProvider()
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
  }

  public EventEnvelope create(String eventType, Object payload) {
    return create(eventType, payload, 0, null);
  }

  /**
   * @param sequenceNumber the aggregate's version after the change, so consumers can order events of one aggregate
   * @throws InvalidEventException naming the type or the field that is wrong
   */
  public EventEnvelope create(String eventType, Object payload, long sequenceNumber, @Nullable String userId) {
    EventDefinition definition = catalog.require(eventType);
    if (!(payload instanceof JsonNode)) {
      Set<ConstraintViolation<Object>> violations = validator.validate(payload);
      if (!violations.isEmpty()) {
        throw new InvalidEventException(
            "Invalid " + eventType + " payload: "
                + violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> "field '" + violation.getPropertyPath() + "' " + violation.getMessage())
                    .collect(Collectors.joining("; ")));
      }
    }
    JsonNode data = json.tree(payload);
    if (!data.isObject()) {
      throw new InvalidEventException("Invalid " + eventType + " payload: it must be a JSON object, not " + data.getNodeType());
    }
    String missing =
        definition.requiredFields().stream()
            .filter(field -> !data.hasNonNull(field))
            .sorted()
            .collect(Collectors.joining("', '"));
    if (!missing.isEmpty()) {
      throw new InvalidEventException("Invalid " + eventType + " payload: missing required field '" + missing + "'");
    }
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        eventType,
        definition.version(),
        definition.source(),
        clock.instant(),
        Correlation.correlationId(),
        Correlation.causationId(),
        sequenceNumber,
        userId,
        Correlation.actor(),
        data,
        metadata());
  }

  private Map<String, String> metadata() {
    Map<String, String> trace = tracing.current();
    if (trace.isEmpty()) {
      return Map.of("service", service);
    }
    Map<String, String> metadata = new java.util.HashMap<>(trace);
    metadata.put("service", service);
    return metadata;
  }
}
