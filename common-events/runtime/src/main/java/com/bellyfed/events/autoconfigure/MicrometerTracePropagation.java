package com.bellyfed.events.autoconfigure;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.envelope.TracePropagation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link TracePropagation} by Micrometer Tracing: the propagator Spring Boot configures
 * ({@code management.tracing.propagation.type}, W3C here) writes the current span into the
 * envelope's metadata and reads it back on the consumer's side, whose span then is the current one,
 * so its log lines carry the publisher's {@code traceId}.
 */
final class MicrometerTracePropagation implements TracePropagation {

  private final Tracer tracer;
  private final Propagator propagator;

  MicrometerTracePropagation(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public Map<String, String> current() {
    Span span = tracer.currentSpan();
    if (span == null) {
      return Map.of();
    }
    Map<String, String> headers = new HashMap<>();
    propagator.inject(span.context(), headers, Map::put);
    return headers;
  }

  @Override
  public <T> T continueTrace(EventEnvelope event, String name, Supplier<T> work) {
    return inSpan(propagator.extract(event.metadata(), Map::get).name(name).kind(Span.Kind.CONSUMER)
        .tag("event.type", event.eventType()).start(), work);
  }

  @Override
  public <T> T continueTrace(Map<String, String> headers, String name, Supplier<T> work) {
    if (headers.isEmpty()) {
      return work.get();
    }
    return inSpan(propagator.extract(headers, Map::get).name(name).kind(Span.Kind.PRODUCER).start(), work);
  }

  private <T> T inSpan(Span span, Supplier<T> work) {
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      return work.get();
    } catch (RuntimeException | Error failure) {
      span.error(failure);
      throw failure;
    } finally {
      span.end();
    }
  }
}
