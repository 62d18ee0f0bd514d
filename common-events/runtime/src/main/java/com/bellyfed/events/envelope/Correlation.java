package com.bellyfed.events.envelope;

import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation and causation ids of the work the current thread does. Kept in the logging MDC
 * ({@code correlationId}, {@code causationId}, and {@code eventId} while an event is handled or
 * relayed), so log lines carry them and the publisher copies them into every envelope.
 */
public final class Correlation {

  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  /** The event the thread handles or relays; a log field, not copied into envelopes. */
  public static final String EVENT_ID = "eventId";

  private Correlation() {}

  /** The current correlation id, or a new one when the thread has none. */
  public static String correlationId() {
    String id = MDC.get(CORRELATION_ID);
    return id != null ? id : UUID.randomUUID().toString();
  }

  public static @Nullable String causationId() {
    return MDC.get(CAUSATION_ID);
  }

  /** Runs {@code work} with the given ids in the MDC, restoring what was there before. */
  public static <T> T with(String correlationId, @Nullable String causationId, Supplier<T> work) {
    String previousCorrelation = MDC.get(CORRELATION_ID);
    String previousCausation = MDC.get(CAUSATION_ID);
    MDC.put(CORRELATION_ID, correlationId);
    put(CAUSATION_ID, causationId);
    try {
      return work.get();
    } finally {
      put(CORRELATION_ID, previousCorrelation);
      put(CAUSATION_ID, previousCausation);
    }
  }

  public static void with(String correlationId, @Nullable String causationId, Runnable work) {
    with(
        correlationId,
        causationId,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code work} for one event: its correlation id, the event as the cause of whatever the
   * work publishes, and its id as {@code eventId} for the log lines.
   */
  public static <T> T forEvent(EventEnvelope event, Supplier<T> work) {
    String previousEvent = MDC.get(EVENT_ID);
    MDC.put(EVENT_ID, event.eventId());
    try {
      return with(event.correlationId(), event.eventId(), work);
    } finally {
      put(EVENT_ID, previousEvent);
    }
  }

  public static void forEvent(EventEnvelope event, Runnable work) {
    forEvent(
        event,
        () -> {
          work.run();
          return null;
        });
  }

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
