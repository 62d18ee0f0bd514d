package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.LoadTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal under 4 threads, each appending batches of 25 records of 300 bytes and waiting for
 * each batch to be durable, as a BatchWriteItem of 25 items would: every acknowledged record comes
 * back, under each policy. The load run ({@code -Pload}) keeps them writing for a second per policy
 * and prints the sustained rate; it asserts nothing about time.
 */
@Timeout(120)
class ThroughputTests {

  private static final int THREADS = 4;
  private static final int BATCH = 25;
  private static final int RECORD_BYTES = 300;
  private static final long MILLIS = 1_000;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedRecordComesBackUnderEachPolicy() throws Exception {
    for (FsyncPolicy policy : FsyncPolicy.values()) {
      for (int batch : new int[] {BATCH, 1}) {
        Path run = dir.resolve(policy + "-" + batch);
        AtomicInteger batches = new AtomicInteger();
        long acknowledged = write(run, policy, batch, () -> {}, () -> batches.incrementAndGet() <= THREADS * 5);
        assertThat(acknowledged).isEqualTo(THREADS * 5L * batch);
        assertThat(Records.replay(run).size()).isGreaterThanOrEqualTo((int) acknowledged);
      }
    }
  }

  @LoadTest
  @Test
  void printsTheSustainedRateUnderEachPolicy() throws Exception {
    for (FsyncPolicy policy : FsyncPolicy.values()) {
      for (int batch : new int[] {BATCH, 1}) {
        Path run = dir.resolve(policy + "-" + batch);
        long[] deadline = {Long.MAX_VALUE};
        long acknowledged = write(run, policy, batch, () -> deadline[0] = System.nanoTime() + MILLIS * 1_000_000,
            () -> System.nanoTime() < deadline[0]);
        System.out.printf(Locale.ROOT, "Journal %-8s %d threads x batches of %2d x %d bytes: %,9.0f"
                + " records/s%n", policy, THREADS, batch, RECORD_BYTES,
            acknowledged * 1000.0 / MILLIS);
        assertThat(Records.replay(run).size()).isGreaterThanOrEqualTo((int) acknowledged);
      }
    }
  }

  /**
   * Appends from every thread while {@code another} says so, one batch per yes; returns the records
   * acknowledged durable. {@code opened} runs once the journal is open, before the first append.
   */
  private static long write(Path dir, FsyncPolicy policy, int batch, Runnable opened, BooleanSupplier another) throws Exception {
    LongAdder acknowledged = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (Journal journal = Records.open(dir, Records.SETTINGS.withFsync(policy)).journal()) {
      opened.run();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          long number = 0;
          while (another.getAsBoolean()) {
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
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return acknowledged.sum();
  }
}
