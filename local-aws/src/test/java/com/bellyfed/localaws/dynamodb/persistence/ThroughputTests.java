package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures and prints the journal's sustained rate: 4 threads, each appending batches of 25
 * records of 300 bytes and waiting for each batch to be durable, as a BatchWriteItem of 25 items
 * would. Asserts nothing about time, only that every acknowledged record comes back.
 */
@Timeout(120)
class ThroughputTests {

  private static final int THREADS = 4;
  private static final int BATCH = 25;
  private static final int RECORD_BYTES = 300;
  private static final long MILLIS = 1_000;

  @TempDir Path dir;

  @Test
  void printsTheSustainedRateUnderEachPolicy() throws Exception {
    for (FsyncPolicy policy : FsyncPolicy.values()) {
      for (int batch : new int[] {BATCH, 1}) {
        Path run = dir.resolve(policy + "-" + batch);
        long acknowledged = measure(run, policy, batch);
        System.out.printf(Locale.ROOT, "Journal %-8s %d threads x batches of %2d x %d bytes: %,9.0f"
                + " records/s%n", policy, THREADS, batch, RECORD_BYTES,
            acknowledged * 1000.0 / MILLIS);
        assertThat(Records.replay(run).size()).isGreaterThanOrEqualTo((int) acknowledged);
      }
    }
  }

  private static long measure(Path dir, FsyncPolicy policy, int batch) throws Exception {
    LongAdder acknowledged = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (Journal journal = Records.open(dir, Records.SETTINGS.withFsync(policy)).journal()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          long number = 0;
          while (!stop.get()) {
            long ticket = 0;
            for (int i = 0; i < batch; i++) {
              ticket = journal.append(Records.numbered(number++, RECORD_BYTES));
            }
            journal.awaitDurable(ticket);
            acknowledged.add(batch);
          }
          return null;
        }));
      }
      Thread.sleep(MILLIS);
      stop.set(true);
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return acknowledged.sum();
  }
}
