package com.bellyfed.events.envelope;

import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation and causation ids, and the acting user, of the work the current thread does. Kept in
 * the logging MDC ({@code correlationId}, {@code causationId}, {@code actor}, and {@code eventId} while an
 * event is handled or relayed), so log lines carry them and the publisher copies them into every envelope.
 */
public final class Correlation {

  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  /** The event the thread handles or relays; a log field, not copied into envelopes. */
  public static final String EVENT_ID = "eventId";
  /**
   * The {@code sub} of the signed-in caller the work is done for. service-kit's security filter chain puts
   * it there for an authenticated request (its {@code ActorMdcFilter}, which cannot name this class: the key's
   * text is the contract between the two); {@link #forEvent} puts the handled event's actor there, so that
   * the events its handling publishes name the same user. Never taken from anything a caller sends unchecked.
   */
  public static final String ACTOR = "actor";

  private Correlation() {}

  /** The current correlation id, or a new one when the thread has none. */
  public static String correlationId() {
    String id = MDC.get(CORRELATION_ID);
    return id != null ? id : UUID.randomUUID().toString();
  }

  public static @Nullable String causationId() {
    return MDC.get(CAUSATION_ID);
  }

  /** The acting user's {@code sub}, or null when no authenticated user caused the current work. */
  public static @Nullable String actor() {
    return MDC.get(ACTOR);
  }

  /**
   * Runs {@code work} with the given ids and acting user in the MDC, restoring what was there before: for
   * work handed to another thread, which takes the three from the thread that handed it over.
   */
  public static <T> T with(String correlationId, @Nullable String causationId, @Nullable String actor, Supplier<T> work) {
    String previousActor = MDC.get(ACTOR);
    put(ACTOR, actor);
    try {
      return with(correlationId, causationId, work);
    } finally {
      put(ACTOR, previousActor);
    }
  }

  public static void with(String correlationId, @Nullable String causationId, @Nullable String actor, Runnable work) {
    with(
        correlationId,
        causationId,
        actor,
        () -> {
          work.run();
          return null;
        });
  }

  /** Runs {@code work} with the given ids in the MDC, restoring what was there before; the actor stays as it is. */
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
   * work publishes, its actor as the actor of those events (none when it has none: a consumer thread
   * acts for nobody of its own), and its id as {@code eventId} for the log lines.
   */
  public static <T> T forEvent(EventEnvelope event, Supplier<T> work) {
    String previousEvent = MDC.get(EVENT_ID);
    MDC.put(EVENT_ID, event.eventId());
    try {
      return with(event.correlationId(), event.eventId(), event.actor(), work);
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
