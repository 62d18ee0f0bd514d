package com.bellyfed.events.listener;

import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a listener's polling while the circuit of its dependency is open, and starts it again when
 * the circuit half-opens. Without it, every poll during an outage burns one of a message's three
 * receives and healthy messages end in the dead-letter queue. The breaker must move to half-open
 * by itself ({@code automaticTransitionFromOpenToHalfOpenEnabled}), since no calls happen while the
 * listener is stopped: the {@code dependency} configuration under
 * {@code resilience4j.circuitbreaker.configs} (the event runtime's defaults) is made for such circuits:
 * it counts outages only, probes with one call at a time after 2 s, 4 s, ... up to 60 s, and
 * half-opens by itself. The messages a probe's poll brings, the probe's own when it fails, go back
 * to the queue as fresh copies ({@code ReliableConsumer}), so no probe costs a message a receive.
 *
 * <p>Each listener has its own lifecycle thread: stopping a container waits for its in-flight polls
 * and handlers (up to its shutdown timeout), and one listener's wait must never delay the stop of
 * another listener paused by the same circuit. On that thread a listener's stops and starts run one
 * at a time, in the order of the circuit's transitions, and each brings the container to what the
 * circuit's state is when it runs (stopped while open, running otherwise), so a late or repeated
 * one does nothing.
 */
public final class ListenerPause implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ListenerPause.class);

  private final MessageListenerContainerRegistry registry;
  // Stopping waits for in-flight messages, so it must not run on a listener or breaker thread.
  private final Map<String, ExecutorService> lifecycles = new ConcurrentHashMap<>();
  private final AtomicLong pauses = new AtomicLong();
  private final Map<String, AtomicLong> pausesByListener = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public ListenerPause(MessageListenerContainerRegistry registry) {
    this.registry = registry;
  }

  /** Stops the listener {@code listenerId} while {@code breaker} is open; several listeners may share one breaker. */
  public void pauseWhileOpen(String listenerId, CircuitBreaker breaker) {
    ExecutorService lifecycle = lifecycles.computeIfAbsent(listenerId, id -> Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "listener-pause-" + id);
      thread.setDaemon(true);
      return thread;
    }));
    pausesByListener.computeIfAbsent(listenerId, id -> new AtomicLong());
    breaker.getEventPublisher().onStateTransition(event -> {
      if (!closed) {
        lifecycle.execute(() -> follow(listenerId, breaker));
      }
    });
  }

  /** How many times a listener was paused, all listeners together. */
  public long pauses() {
    return pauses.get();
  }

  /** How many times the listener {@code listenerId} was paused. */
  public long pauses(String listenerId) {
    AtomicLong count = pausesByListener.get(listenerId);
    return count == null ? 0 : count.get();
  }

  /** Brings the container to the circuit's current state: stopped while open, running otherwise. */
  private void follow(String listenerId, CircuitBreaker breaker) {
    MessageListenerContainer<?> container = registry.getContainerById(listenerId);
    if (container == null || closed) {
      return;
    }
    CircuitBreaker.State state = breaker.getState();
    boolean open = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    if (open && container.isRunning()) {
      log.warn("Pausing listener {}: circuit {} is {}", listenerId, breaker.getName(), state);
      pauses.incrementAndGet();
      pausesByListener.get(listenerId).incrementAndGet();
      container.stop();
      log.info("Listener {} paused", listenerId);
    } else if (!open && !container.isRunning()) {
      log.info("Resuming listener {}: circuit {} is {}", listenerId, breaker.getName(), state);
      container.start();
    }
  }

  @Override
  public void close() {
    closed = true;
    lifecycles.values().forEach(ExecutorService::shutdownNow);
  }
}
