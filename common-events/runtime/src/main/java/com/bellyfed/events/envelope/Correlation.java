package com.bellyfed.events.envelope;

import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation and causation ids of the work the current thread does. Kept in the logging MDC
 * ({@code correlationId}, {@code causationId}), so log lines carry them and the publisher copies
 * them into every envelope.
 */
public final class Correlation {

  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";

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

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
