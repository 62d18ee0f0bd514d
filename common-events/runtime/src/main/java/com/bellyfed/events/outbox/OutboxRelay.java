package com.bellyfed.events.outbox;

import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxRow.OutboxState;
import com.bellyfed.events.publishing.PutEventsSender;
import com.bellyfed.events.publishing.PutEventsSender.Outcome;
import com.bellyfed.events.publishing.PutEventsSender.Prepared;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows: at once after the transaction that wrote them committed (fast path), and
 * by a sweeper that takes PENDING rows older than a few seconds (after a crash or an EventBridge
 * outage). Each row is claimed with a lease, published at least once, then deleted; a row that keeps
 * failing becomes FAILED and is counted, instead of being retried forever.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration FAILED_COUNT_INTERVAL = Duration.ofSeconds(15);

  private final OutboxStore store;
  private final PutEventsSender sender;
  private final OutboxSettings settings;
  private final Clock clock;
  private final String owner = "relay-" + UUID.randomUUID();
  private final BlockingQueue<EventEnvelope> committedRows;
  private final ExecutorService fastPath;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "outbox-sweeper"));
  private final Counter relayed;
  private final Counter failed;
  private final Counter deferred;
  private final AtomicLong oldestPendingMillis = new AtomicLong();
  private final AtomicLong failedRows = new AtomicLong();
  /** When the sweeper next counts the FAILED rows, in clock millis. */
  private volatile long failedCountDue;

  public OutboxRelay(OutboxStore store, PutEventsSender sender, OutboxSettings settings, Clock clock, MeterRegistry registry) {
    this.store = store;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
    this.relayed = Counter.builder("bellyfed.outbox.relayed").description("Outbox rows published and deleted").register(registry);
    this.failed = Counter.builder("bellyfed.outbox.failed").description("Outbox rows that reached FAILED").register(registry);
    this.deferred =
        Counter.builder("bellyfed.outbox.fastpath.deferred")
            .description("Committed rows left to the sweeper because the fast path was full")
            .register(registry);
    this.committedRows = new LinkedBlockingQueue<>(settings.fastPathCapacity());
    this.fastPath = Executors.newFixedThreadPool(settings.fastPathWorkers(), runnable -> daemon(runnable, "outbox-relay"));
    Gauge.builder("bellyfed.outbox.fastpath.queued", committedRows, BlockingQueue::size)
        .description("Committed rows waiting for a fast-path worker")
        .register(registry);
    // Last, once every field is set: the workers read them.
    for (int i = 0; i < settings.fastPathWorkers(); i++) {
      fastPath.execute(this::relayCommittedRows);
    }
    Gauge.builder("bellyfed.outbox.oldest.age", oldestPendingMillis, AtomicLong::get)
        .description("Age of the oldest PENDING outbox row, milliseconds")
        .baseUnit("milliseconds")
        .register(registry);
    Gauge.builder("bellyfed.outbox.failed.rows", failedRows, AtomicLong::get)
        .description("Outbox rows in state FAILED, waiting for an operator")
        .register(registry);
  }

  /** Starts the sweeper, once however often it is called; the fast path runs from construction on. */
  public OutboxRelay start() {
    if (sweeping.compareAndSet(false, true)) {
      long interval = settings.sweepInterval().toMillis();
      sweeper.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /**
   * The fast path: call after the transaction holding these rows committed; returns at once. The
   * rows are durable, so when the fast path is full they are left to the sweeper rather than
   * blocking the caller.
   */
  public void relayCommitted(List<EventEnvelope> committed) {
    for (EventEnvelope envelope : committed) {
      if (!committedRows.offer(envelope)) {
        deferred.increment();
      }
    }
  }

  // Concurrent requests commit one row each; draining lets one PutEvents carry up to ten of them.
  private void relayCommittedRows() {
    List<EventEnvelope> batch = new ArrayList<>(PutEventsSender.MAX_ENTRIES);
    while (!fastPath.isShutdown() || !committedRows.isEmpty()) {
      try {
        EventEnvelope first = committedRows.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        committedRows.drainTo(batch, PutEventsSender.MAX_ENTRIES - 1);
        if (sender.permitsCalls()) {
          relay(batch);
        } // else the rows stay PENDING, untouched, for the sweeper: claiming them now would only lease them out

      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The rows stay PENDING in the table; the sweeper publishes them later.
        log.warn("Outbox fast path failed for {} rows: {}", batch.size(), e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  /** One sweep: publishes PENDING rows older than {@code sweepAfter}; returns how many it published. */
  public int sweep() {
    oldestPendingMillis.set(
        store.oldestPending().map(created -> Duration.between(created, clock.instant()).toMillis()).orElse(0L));
    // FAILED rows change seldom and counting them pages through the index: every 15 s is enough for an alert.
    if (clock.millis() >= failedCountDue) {
      failedRows.set(store.countFailed());
      failedCountDue = clock.millis() + FAILED_COUNT_INTERVAL.toMillis();
    }
    List<OutboxRow> rows = store.pendingBefore(clock.instant().minus(settings.sweepAfter()), settings.sweepBatch());
    if (rows.isEmpty() || !sender.permitsCalls()) {
      // While the circuit is open, trying would only burn the rows' attempts.
      return 0;
    }
    return relay(rows.stream().map(OutboxRow::envelope).toList());
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("Outbox sweep failed: {}", e.toString());
    }
  }

  private int relay(List<EventEnvelope> envelopes) {
    List<Prepared> claimed = new ArrayList<>();
    for (EventEnvelope envelope : envelopes) {
      if (store.claim(envelope.eventId(), owner, settings.lease())) {
        claimed.add(sender.prepare(envelope));
      }
    }
    int published = 0;
    for (int from = 0; from < claimed.size(); from += PutEventsSender.MAX_ENTRIES) {
      published += send(claimed.subList(from, Math.min(claimed.size(), from + PutEventsSender.MAX_ENTRIES)));
    }
    return published;
  }

  private int send(List<Prepared> batch) {
    List<Outcome> outcomes;
    try {
      outcomes = sender.send(batch);
    } catch (CallNotPermittedException open) {
      // Not the rows' fault: give them back untried, so the sweeper takes them once the circuit
      // closes instead of after their lease.
      batch.forEach(prepared -> store.unclaim(prepared.envelope().eventId(), owner));
      return 0;
    } catch (RuntimeException e) {
      batch.forEach(prepared -> release(prepared, e.toString()));
      return 0;
    }
    int published = 0;
    for (Outcome outcome : outcomes) {
      if (outcome.succeeded()) {
        store.delete(outcome.prepared().envelope().eventId(), owner);
        relayed.increment();
        published++;
      } else {
        release(outcome.prepared(), outcome.errorCode() + ": " + outcome.errorMessage());
      }
    }
    return published;
  }

  private void release(Prepared prepared, String error) {
    if (store.release(prepared.envelope().eventId(), owner, error, settings.maxAttempts()) == OutboxState.FAILED) {
      failed.increment();
      failedCountDue = 0; // the next sweep counts again, not up to 15 s later
      // With the row's correlation and event ids in the MDC, so the line joins the request that wrote it.
      Correlation.forEvent(prepared.envelope(), () -> log.error("Outbox row {} ({}) FAILED after {} attempts: {}",
          prepared.envelope().eventId(), prepared.envelope().eventType(), settings.maxAttempts(), error));
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    fastPath.shutdown();
    try {
      if (!fastPath.awaitTermination(5, TimeUnit.SECONDS)) {
        fastPath.shutdownNow(); // what is left stays PENDING for the next start's sweeper
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
