package com.bellyfed.events.sideeffects;

import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.TracePropagation;
import com.bellyfed.events.publishing.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits the analytics event of a request on a thread of its own, so that the request never waits
 * for it and never fails because of it, even with EventBridge down (the publisher spills to the
 * outbox then). The request's correlation id travels with the event, and so does its trace: the
 * span current when the event is recorded is taken along, and the event is published in a child span
 * of it, so the envelope's {@code traceparent} names the request's trace. When more events wait than
 * the queue holds, the newest are dropped and counted rather than slowing requests.
 */
public final class AnalyticsRecorder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsRecorder.class);

  private final EventPublisher publisher;
  private final ThreadPoolExecutor executor;
  private final Counter recorded;
  private final Counter dropped;
  private final TracePropagation tracing;

  public AnalyticsRecorder(EventPublisher publisher, int queueCapacity, MeterRegistry registry) {
    this(publisher, queueCapacity, registry, TracePropagation.NONE);
  }

  public AnalyticsRecorder(EventPublisher publisher, int queueCapacity, MeterRegistry registry, TracePropagation tracing) {
    this.publisher = publisher;
    this.tracing = tracing;
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), runnable -> {
      Thread thread = new Thread(runnable, "analytics-recorder");
      thread.setDaemon(true);
      return thread;
    });
    this.recorded = Counter.builder("bellyfed.analytics.recorded").description("Analytics events handed to the publisher").register(registry);
    this.dropped = Counter.builder("bellyfed.analytics.dropped").description("Analytics events dropped because the recorder was saturated").register(registry);
  }

  /** Returns at once; the event is published in the background. */
  public void record(AnalyticsEvent event) {
    String correlationId = Correlation.correlationId();
    @Nullable String causationId = Correlation.causationId();
    @Nullable String actor = Correlation.actor();
    Map<String, String> trace = tracing.current();
    try {
      executor.execute(() -> Correlation.with(correlationId, causationId, actor,
          () -> tracing.continueTrace(trace, "analytics.record", () -> {
            publish(event);
            return null;
          })));
    } catch (RejectedExecutionException saturated) {
      dropped.increment();
    }
  }

  private void publish(AnalyticsEvent event) {
    try {
      publisher.publish(event.eventType(), event);
      recorded.increment();
    } catch (RuntimeException e) {
      dropped.increment();
      log.warn("Analytics event {} not recorded: {}", event.eventType(), e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
