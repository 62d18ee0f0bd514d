package com.bellyfed.events.listener;

import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import com.bellyfed.events.consuming.Outages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
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
 * listener is stopped.
 */
public final class ListenerPause implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ListenerPause.class);

  private final MessageListenerContainerRegistry registry;
  // Stopping waits for in-flight messages, so it must not run on a listener or breaker thread.
  private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "listener-pause");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong pauses = new AtomicLong();

  public ListenerPause(MessageListenerContainerRegistry registry) {
    this.registry = registry;
  }

  /**
   * A circuit for a listener's dependency, to pause the listener with: opens when half of at least
   * 10 calls failed on an outage ({@link Outages#isOutage}: a request the dependency refused as
   * invalid does not count, and must reach the DLQ), probes with a single call after 2 s, then 4 s,
   * ... up to 60 s (each probe costs its messages a receive), and half-opens by itself.
   */
  public static CircuitBreaker dependencyCircuit(String name) {
    return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60)))
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordException(Outages::isOutage)
        .build());
  }

  public void pauseWhileOpen(String listenerId, CircuitBreaker breaker) {
    breaker.getEventPublisher().onStateTransition(event -> {
      switch (event.getStateTransition().getToState()) {
        case OPEN, FORCED_OPEN -> lifecycle.execute(() -> stop(listenerId, breaker));
        case HALF_OPEN, CLOSED -> lifecycle.execute(() -> start(listenerId, breaker));
        default -> { }
      }
    });
  }

  /** How many times a listener was paused. */
  public long pauses() {
    return pauses.get();
  }

  private void stop(String listenerId, CircuitBreaker breaker) {
    MessageListenerContainer<?> container = registry.getContainerById(listenerId);
    if (container != null && container.isRunning() && breaker.getState() != CircuitBreaker.State.CLOSED) {
      log.warn("Pausing listener {}: circuit {} is {}", listenerId, breaker.getName(), breaker.getState());
      pauses.incrementAndGet();
      container.stop();
    }
  }

  private void start(String listenerId, CircuitBreaker breaker) {
    MessageListenerContainer<?> container = registry.getContainerById(listenerId);
    if (container != null && !container.isRunning()) {
      log.info("Resuming listener {}: circuit {} is {}", listenerId, breaker.getName(), breaker.getState());
      container.start();
    }
  }

  @Override
  public void close() {
    lifecycle.shutdownNow();
  }
}
