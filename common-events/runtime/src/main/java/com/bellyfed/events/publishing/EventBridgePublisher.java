package com.bellyfed.events.publishing;

import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.publishing.PutEventsSender.Outcome;
import com.bellyfed.events.publishing.PutEventsSender.Prepared;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches events into PutEvents calls of up to 10 entries and 256 KB from a bounded buffer. An entry
 * that fails is retried alone with exponential backoff and jitter; when its attempts run out, or the
 * circuit is open, or the buffer stays full, the event is spilled to the outbox, whose relay delivers
 * it later. Only when that spill fails too is an event dropped, counted and logged with its id.
 * Closing flushes the buffer.
 */
public final class EventBridgePublisher implements EventPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventBridgePublisher.class);

  private final EventFactory factory;
  private final PutEventsSender sender;
  private final OutboxStore outbox;
  private final PublisherSettings settings;
  private final PublisherMetrics metrics;
  private final BlockingQueue<Pending> buffer;
  private final List<Thread> senders = new ArrayList<>();
  private final ScheduledThreadPoolExecutor retries;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ReentrantLock gathering = new ReentrantLock();
  private volatile boolean running = true;

  private record Pending(Prepared prepared, int attempt) {
    Pending next() {
      return new Pending(prepared, attempt + 1);
    }
  }

  public EventBridgePublisher(
      EventFactory factory, PutEventsSender sender, OutboxStore outbox, PublisherSettings settings, MeterRegistry registry) {
    this.factory = factory;
    this.sender = sender;
    this.outbox = outbox;
    this.settings = settings;
    this.metrics = new PublisherMetrics(registry);
    this.buffer = new ArrayBlockingQueue<>(settings.bufferCapacity());
    this.retries = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "event-publisher-retry"));
    registry.gauge("bellyfed.events.buffered", buffer, BlockingQueue::size);
    for (int i = 0; i < settings.senders(); i++) {
      Thread thread = daemon(this::sendLoop, "event-publisher-" + i);
      senders.add(thread);
      thread.start();
    }
  }

  @Override
  public EventEnvelope publish(String eventType, Object payload) {
    EventEnvelope envelope = factory.create(eventType, payload);
    publish(envelope);
    return envelope;
  }

  @Override
  public void publish(EventEnvelope envelope) {
    Prepared prepared = sender.prepare(envelope);
    if (!running) {
      spill(prepared, "publisher is shut down");
      return;
    }
    try {
      if (!buffer.offer(new Pending(prepared, 1), settings.offerTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        spill(prepared, "publisher buffer full");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      spill(prepared, "interrupted while waiting for buffer space");
    }
  }

  private void sendLoop() {
    Deque<Pending> carried = new ArrayDeque<>();
    while (running || !buffer.isEmpty() || !carried.isEmpty()) {
      try {
        List<Pending> batch = nextBatch(carried);
        if (!batch.isEmpty()) {
          send(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Publisher loop failed; continuing", e);
      }
    }
  }

  /**
   * Up to 10 events and 256 KB; an event that does not fit is carried to the next batch. With a
   * linger, one sender at a time gathers (the others send meanwhile), so that the events arriving
   * within the linger fill one call rather than being spread over every sender's.
   */
  private List<Pending> nextBatch(Deque<Pending> carried) throws InterruptedException {
    if (settings.linger().isZero()) {
      return gather(carried);
    }
    gathering.lockInterruptibly();
    try {
      return gather(carried);
    } finally {
      gathering.unlock();
    }
  }

  private List<Pending> gather(Deque<Pending> carried) throws InterruptedException {
    List<Pending> batch = new ArrayList<>(PutEventsSender.MAX_ENTRIES);
    // A carried event was counted in flight when it left the buffer and stays counted.
    Pending first = carried.poll();
    if (first == null) {
      first = buffer.poll(50, TimeUnit.MILLISECONDS);
      if (first == null) {
        return batch;
      }
      inFlight.incrementAndGet();
    }
    batch.add(first);
    int bytes = first.prepared().size();
    long lingerEnd = System.nanoTime() + settings.linger().toNanos();
    while (batch.size() < PutEventsSender.MAX_ENTRIES) {
      Pending next = buffer.poll();
      if (next == null) {
        long wait = lingerEnd - System.nanoTime();
        if (wait <= 0 || !running) {
          break;
        }
        next = buffer.poll(wait, TimeUnit.NANOSECONDS);
        if (next == null) {
          break;
        }
      }
      inFlight.incrementAndGet();
      if (bytes + next.prepared().size() > PutEventsSender.MAX_BYTES) {
        carried.add(next);
        break;
      }
      batch.add(next);
      bytes += next.prepared().size();
    }
    return batch;
  }

  private void send(List<Pending> batch) {
    try {
      List<Outcome> outcomes = metrics.putEventsLatency.record(() -> sender.send(batch.stream().map(Pending::prepared).toList()));
      metrics.batchSize.record(batch.size());
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome outcome = outcomes.get(i);
        if (outcome.succeeded()) {
          metrics.published.increment();
        } else {
          retryOrSpill(batch.get(i), outcome.errorCode() + ": " + outcome.errorMessage());
        }
      }
    } catch (CallNotPermittedException open) {
      batch.forEach(pending -> spill(pending.prepared(), "circuit open"));
    } catch (RuntimeException e) {
      batch.forEach(pending -> retryOrSpill(pending, e.toString()));
    } finally {
      inFlight.addAndGet(-batch.size());
    }
  }

  private void retryOrSpill(Pending pending, String error) {
    metrics.failedAttempts.increment();
    if (!settings.backoff().canRetry(pending.attempt()) || retries.isShutdown()) {
      spill(pending.prepared(), error);
      return;
    }
    long delay = settings.backoff().delayBefore(pending.attempt()).toMillis();
    inFlight.incrementAndGet();
    try {
      retries.schedule(() -> send(List.of(pending.next())), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      inFlight.decrementAndGet();
      spill(pending.prepared(), error);
    }
  }

  private void spill(Prepared prepared, String reason) {
    try {
      outbox.spill(prepared.envelope(), reason);
      metrics.spilled.increment();
    } catch (RuntimeException e) {
      metrics.dropped.increment();
      Correlation.forEvent(prepared.envelope(), () -> log.error(
          "Dropped event {} ({}): publishing failed ({}) and so did the outbox spill: {}",
          prepared.envelope().eventId(), prepared.envelope().eventType(), reason, e.toString()));
    }
  }

  /** Events accepted by {@code publish} and not yet sent, spilled or dropped. */
  public int pending() {
    return buffer.size() + inFlight.get();
  }

  /** Stops taking events, sends or spills what is buffered and waits for retries, within the shutdown timeout. */
  @Override
  public void close() {
    running = false;
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    for (Thread thread : senders) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Scheduled retries still run after shutdown(); a retry that fails again spills.
    retries.shutdown();
    try {
      retries.awaitTermination(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    while ((left = buffer.poll()) != null) {
      spill(left.prepared(), "publisher closed before sending");
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
