package com.bellyfed.localaws.sqs;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.elasticmq.QueueData;
import org.elasticmq.actor.queue.InternalMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes ElasticMQ's changes to the {@link QueueStore}: it takes every change
 * queued since its last commit, writes them in one transaction (group commit: a busy queue costs one
 * commit per batch, not per message; a message sent, received and deleted within one batch is never
 * written), and only then runs each change's {@code whenWritten}, which answers the queue actor
 * waiting for it, and so the client. Changes are committed in the order they were submitted.
 *
 * <p>ElasticMQ tells its listener about a message from futures on its dispatcher, so the change that
 * removes a message may, rarely, arrive before the one that added or updated it. A removed message's
 * later changes are dropped for a while (a queue actor waits 5 s at most for its listener); the
 * message object tells a late change apart from a new message of the same id (a redrive brings one
 * back under the same id).
 */
final class QueueStoreWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(QueueStoreWriter.class);
  private static final int MAX_BATCH = 2_000;
  private static final long REMOVALS_KEPT_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** One change to the store. */
  sealed interface Change {}

  record PutQueue(QueueData queue) implements Change {}

  record DropQueue(String queueName) implements Change {}

  record PutMessage(String queueName, InternalMessage message) implements Change {}

  record DeleteMessage(String queueName, String messageId) implements Change {}

  record Purge(String queueName, Instant createdUpTo) implements Change {}

  /** The message objects restored into a queue, so that their removals are recognised. */
  record Restored(String queueName, List<InternalMessage> messages) implements Change {}

  private record Pending(Change change, @Nullable Runnable whenWritten) {}

  private record Key(String queueName, String messageId) {}

  /** A removed message: its object when known, else null (then every change of that id is late). */
  private record Removal(@Nullable InternalMessage message, long at) {}

  private final QueueStore store;
  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  // Owned by the writer thread.
  private final Map<Key, InternalMessage> live = new HashMap<>();
  private final LinkedHashMap<Key, Removal> removals = new LinkedHashMap<>();

  QueueStoreWriter(QueueStore store) {
    this.store = store;
    this.thread = new Thread(this::run, "local-aws-sqs-store");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a change; {@code whenWritten} runs on the writer thread once it is committed. */
  void submit(Change change, @Nullable Runnable whenWritten) {
    pending.add(new Pending(change, whenWritten));
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      Pending first;
      try {
        first = pending.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (first == null) {
        if (closing) {
          return;
        }
        continue;
      }
      batch.add(first);
      pending.drainTo(batch, MAX_BATCH - 1);
      write(batch);
      for (Pending written : batch) {
        if (written.whenWritten() != null) {
          written.whenWritten().run();
        }
      }
      batch.clear();
    }
  }

  private void write(List<Pending> batch) {
    try {
      apply(batch);
    } catch (SQLException | RuntimeException e) {
      rollback();
      // One change that cannot be stored must not cost the others of its batch: each on its own, then.
      for (Pending each : batch) {
        try {
          apply(List.of(each));
        } catch (SQLException | RuntimeException failed) {
          rollback();
          // Answering anyway keeps SQS serving from memory; not answering would leave the client hanging.
          log.error("SQS: could not store {}; it is served, and a restart would lose it", describe(each.change()), failed);
        }
      }
    }
    forgetOldRemovals();
  }

  /** Writes the changes in one transaction. */
  private void apply(List<Pending> batch) throws SQLException {
    // Message changes coalesce per message until a queue-wide change, which must see them first.
    Map<Key, @Nullable InternalMessage> messages = new LinkedHashMap<>();
    for (Pending each : batch) {
      Change change = each.change();
      if (change instanceof PutMessage put) {
        Key key = new Key(put.queueName(), put.message().id());
        if (admits(key, put.message())) {
          live.put(key, put.message());
          messages.put(key, put.message());
        }
      } else if (change instanceof DeleteMessage delete) {
        Key key = new Key(delete.queueName(), delete.messageId());
        Removal earlier = removals.remove(key);
        InternalMessage removed = live.remove(key);
        removals.put(key, new Removal(removed != null || earlier == null ? removed : earlier.message(), System.nanoTime()));
        messages.put(key, null);
      } else if (change instanceof Restored restored) {
        restored.messages().forEach(m -> live.put(new Key(restored.queueName(), m.id()), m));
      } else if (change instanceof PutQueue put) {
        flush(messages);
        store.putQueue(put.queue());
      } else if (change instanceof DropQueue drop) {
        flush(messages);
        forget(drop.queueName());
        store.dropQueue(drop.queueName());
      } else if (change instanceof Purge purge) {
        flush(messages);
        forget(purge.queueName());
        store.purge(purge.queueName(), purge.createdUpTo());
      }
    }
    flush(messages);
    store.commit();
  }

  private void rollback() {
    try {
      store.rollback();
    } catch (SQLException e) {
      log.error("SQS: rollback failed", e);
    }
  }

  private static String describe(Change change) {
    if (change instanceof PutMessage put) {
      return "message " + put.message().id() + " of " + put.queueName();
    }
    if (change instanceof DeleteMessage delete) {
      return "the deletion of message " + delete.messageId() + " of " + delete.queueName();
    }
    return change.getClass().getSimpleName();
  }

  private boolean admits(Key key, InternalMessage message) {
    Removal removal = removals.get(key);
    if (removal == null) {
      return true;
    }
    if (removal.message() == null || removal.message() == message) {
      return false;
    }
    removals.remove(key);
    return true;
  }

  private void flush(Map<Key, @Nullable InternalMessage> messages) throws SQLException {
    for (Map.Entry<Key, @Nullable InternalMessage> entry : messages.entrySet()) {
      InternalMessage message = entry.getValue();
      if (message == null) {
        store.deleteMessage(entry.getKey().queueName(), entry.getKey().messageId());
      } else {
        store.putMessage(entry.getKey().queueName(), message);
      }
    }
    messages.clear();
  }

  private void forget(String queueName) {
    live.keySet().removeIf(key -> key.queueName().equals(queueName));
    removals.keySet().removeIf(key -> key.queueName().equals(queueName));
  }

  private void forgetOldRemovals() {
    long now = System.nanoTime();
    Iterator<Removal> oldestFirst = removals.values().iterator();
    while (oldestFirst.hasNext() && now - oldestFirst.next().at() > REMOVALS_KEPT_NANOS) {
      oldestFirst.remove();
    }
  }

  /** Writes what is queued, then stops. Call once nothing submits any more. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    if (thread.isAlive()) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }
}
