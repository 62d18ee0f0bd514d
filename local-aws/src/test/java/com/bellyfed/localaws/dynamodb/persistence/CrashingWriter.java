package com.bellyfed.localaws.dynamodb.persistence;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@link KillIntegrationTests} kills: opens the journal in {@code args[0]}, prints
 * {@code open <next>}, then appends numbered records from 4 threads as fast as it can and prints
 * each number once it is acknowledged, until it is killed. With {@code args[1]} above 0 it also
 * checkpoints automatically after that many bytes, so that kills land in checkpoints too. Its state
 * is "the numbers below {@code next}", which a snapshot streams as one record per number.
 */
final class CrashingWriter {

  private static final int THREADS = 4;
  static final int RECORD_BYTES = 64;

  private final Object lock = new Object();
  private long next;

  public static void main(String[] args) throws Exception {
    new CrashingWriter().run(Path.of(args[0]), Long.parseLong(args[1]));
  }

  private void run(Path dir, long checkpointAfterBytes) throws Exception {
    AtomicLong replayedNext = new AtomicLong();
    Journal journal =
        Journal.open(
            dir,
            JournalSettings.defaults().withCheckpointAfterBytes(checkpointAfterBytes),
            record -> replayedNext.accumulateAndGet(Records.number(record) + 1, Math::max));
    next = replayedNext.get();
    if (checkpointAfterBytes > 0) {
      journal.checkpointAutomatically(out -> {
        long count;
        synchronized (lock) {
          count = next;
        }
        for (long number = 0; number < count; number++) {
          out.accept(Records.numbered(number, RECORD_BYTES));
        }
      });
    }
    System.out.println("open " + next);
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      threads[t] = new Thread(() -> {
        try {
          while (true) {
            long number;
            long ticket;
            synchronized (lock) {
              number = next++;
              ticket = journal.append(Records.numbered(number, RECORD_BYTES));
            }
            journal.awaitDurable(ticket);
            System.out.println(number);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
