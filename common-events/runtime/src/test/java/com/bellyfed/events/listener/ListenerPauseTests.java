package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.sqs.listener.AsyncMessageListener;
import io.awspring.cloud.sqs.listener.DefaultListenerContainerRegistry;
import io.awspring.cloud.sqs.listener.MessageListener;
import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a listener polls: stopped while its dependency's circuit is open, started again once it
 * half-opens, each listener on its own. Containers stand in for Spring Cloud AWS's (they only start
 * and stop); SqsEventListenersIntegrationTests proves the pause through real outages.
 */
class ListenerPauseTests {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final DefaultListenerContainerRegistry registry = new DefaultListenerContainerRegistry();
  private final ListenerPause pause = new ListenerPause(registry);

  @AfterEach
  void close() {
    pause.close();
  }

  @Test
  void aListenerStopsWhileItsCircuitIsOpenAndPollsAgainOnceItHalfOpens() {
    Container listener = container("ratings");
    CircuitBreaker circuit = CircuitBreaker.ofDefaults("dynamodb");
    pause.pauseWhileOpen("ratings", circuit);

    circuit.transitionToOpenState();
    await().atMost(WAIT).until(() -> !listener.isRunning());
    assertThat(pause.pauses("ratings")).isEqualTo(1);

    circuit.transitionToHalfOpenState();
    await().atMost(WAIT).until(listener::isRunning);
    circuit.transitionToClosedState();

    // Each stop and start runs on the listener's own thread, in order: once the last one ran, the
    // container matches the closed circuit and stays so.
    await().atMost(WAIT).until(() -> listener.starts.get() == 1 && listener.isRunning());
    assertThat(listener.stops).hasValue(1);
    assertThat(pause.pauses()).isEqualTo(1);
  }

  @Test
  void aStopThatWaitsForItsHandlerDoesNotDelayTheStopOfAnotherListenerOfTheSameCircuit() throws InterruptedException {
    CountDownLatch handlerDone = new CountDownLatch(1);
    Container held = container("held", handlerDone);
    Container quick = container("quick");
    CircuitBreaker circuit = CircuitBreaker.ofDefaults("shared");
    pause.pauseWhileOpen("held", circuit);
    pause.pauseWhileOpen("quick", circuit);

    try {
      circuit.transitionToOpenState();
      await().atMost(WAIT).until(() -> !quick.isRunning());
      assertThat(held.stopping.get()).as("held is still waiting for its handler").isTrue();
    } finally {
      handlerDone.countDown();
    }
    await().atMost(WAIT).until(() -> !held.isRunning());
    assertThat(pause.pauses("held")).isEqualTo(1);
    assertThat(pause.pauses("quick")).isEqualTo(1);
  }

  @Test
  void aTransitionForAListenerWithoutAContainerOrAfterCloseChangesNothing() {
    Container listener = container("ratings");
    CircuitBreaker circuit = CircuitBreaker.ofDefaults("dynamodb");
    pause.pauseWhileOpen("not-registered", circuit);
    circuit.transitionToOpenState();
    assertThat(pause.pauses("not-registered")).isZero();

    CircuitBreaker other = CircuitBreaker.ofDefaults("other");
    pause.pauseWhileOpen("ratings", other);
    pause.close();
    other.transitionToOpenState();

    assertThat(listener.isRunning()).isTrue();
    assertThat(listener.stops).hasValue(0);
  }

  private Container container(String id) {
    return container(id, new CountDownLatch(0));
  }

  private Container container(String id, CountDownLatch stopWaitsFor) {
    Container container = new Container(id, stopWaitsFor);
    registry.registerListenerContainer(container);
    container.start();
    container.starts.set(0);
    return container;
  }

  /** A container that only starts and stops; stopping waits as a real one waits for its handlers. */
  private static final class Container implements MessageListenerContainer<Object> {

    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final CountDownLatch stopWaitsFor;
    private String id;

    Container(String id, CountDownLatch stopWaitsFor) {
      this.id = id;
      this.stopWaitsFor = stopWaitsFor;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      this.id = id;
    }

    @Override
    public void setMessageListener(MessageListener<Object> messageListener) {}

    @Override
    public void setAsyncMessageListener(AsyncMessageListener<Object> asyncMessageListener) {}

    @Override
    public void start() {
      starts.incrementAndGet();
      running.set(true);
    }

    @Override
    public void stop() {
      stopping.set(true);
      try {
        stopWaitsFor.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stops.incrementAndGet();
      running.set(false);
      stopping.set(false);
    }

    @Override
    public boolean isRunning() {
      return running.get();
    }
  }
}
