package com.bellyfed.events.envelope;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries the trace context across EventBridge and SQS in the envelope's {@code metadata}, as the
 * W3C {@code traceparent} (and {@code tracestate}) an HTTP request would carry: EventBridge rules
 * deliver no SQS message attributes, so the envelope is the one carrier that reaches every consumer,
 * also through the outbox and a replay. The framework-free runtime sees only this interface; the
 * Spring Boot auto-configuration backs it with Micrometer Tracing.
 */
public interface TracePropagation {

  /** For runtimes without a tracer: events carry no trace context, consumers start none. */
  TracePropagation NONE = new TracePropagation() {
    @Override
    public Map<String, String> current() {
      return Map.of();
    }

    @Override
    public <T> T continueTrace(EventEnvelope event, String name, Supplier<T> work) {
      return work.get();
    }

    @Override
    public <T> T continueTrace(Map<String, String> headers, String name, Supplier<T> work) {
      return work.get();
    }
  };

  /** The current span's context as W3C headers ({@code traceparent}, ...); empty when there is none. */
  Map<String, String> current();

  /**
   * Runs {@code work} in a new span named {@code name}, a child of the span whose context the
   * event's metadata carries, or the root of a new trace when it carries none.
   */
  <T> T continueTrace(EventEnvelope event, String name, Supplier<T> work);

  /**
   * Runs {@code work} in a new span named {@code name}, a child of the span whose context
   * {@code headers} carries: what {@link #current()} returned on another thread, for work handed over
   * to this one, so that the events it publishes stay in that trace. Without headers it runs as it is.
   */
  <T> T continueTrace(Map<String, String> headers, String name, Supplier<T> work);
}
