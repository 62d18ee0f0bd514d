package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class GroupCommitTests {

  private static final int THREADS = 8;
  private static final int RECORDS_EACH = 2000;

  @TempDir Path dir;

  private static void runThreads(ThrowingTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          task.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  interface ThrowingTask {
    void run(int thread) throws Exception;
  }

  @Test
  void logsRecordsInTheOrderOfTheirAppendCalls() throws Exception {
    Object lock = new Object();
    long[] next = new long[1];
    try (Journal journal = Records.open(dir).journal()) {
      runThreads(thread -> {
        for (int i = 0; i < RECORDS_EACH; i++) {
          long ticket;
          // As the engine does: the order is decided under a lock, and the append happens inside it.
          synchronized (lock) {
            ticket = journal.append(Records.numbered(next[0]++, 40));
          }
          journal.awaitDurable(ticket);
        }
      });
    }

    List<byte[]> replayed = Records.replay(dir);
    assertThat(replayed).hasSize(THREADS * RECORDS_EACH);
    for (int i = 0; i < replayed.size(); i++) {
      assertThat(Records.number(replayed.get(i))).isEqualTo(i);
    }
  }

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void keepsEachThreadsRecordsInOrderAndLosesNone(FsyncPolicy policy) throws Exception {
    try (Journal journal = Records.open(dir, Records.SETTINGS.withFsync(policy)).journal()) {
      runThreads(thread -> {
        long ticket = 0;
        for (int i = 0; i < RECORDS_EACH; i++) {
          ticket = journal.append(ByteBuffer.allocate(8).putInt(thread).putInt(i).array());
          if (i % 25 == 24) {
            journal.awaitDurable(ticket);
          }
        }
        journal.awaitDurable(ticket);
      });
      JournalStats stats = journal.stats();
      assertThat(stats.written()).isEqualTo(THREADS * RECORDS_EACH);
      assertThat(stats.writes()).as("records share writes").isLessThan(THREADS * RECORDS_EACH);
    }

    Map<Integer, Integer> nextOf = new HashMap<>();
    for (byte[] record : Records.replay(dir)) {
      ByteBuffer buffer = ByteBuffer.wrap(record);
      int thread = buffer.getInt();
      int sequence = buffer.getInt();
      assertThat(sequence).isEqualTo(nextOf.getOrDefault(thread, 0));
      nextOf.put(thread, sequence + 1);
    }
    assertThat(nextOf).hasSize(THREADS).allSatisfy((thread, count) ->
        assertThat(count).isEqualTo(RECORDS_EACH));
  }

  @Test
  void appendsWithoutWaitingForTheDisk() throws Exception {
    JournalSettings settings = Records.SETTINGS.withFsync(FsyncPolicy.ALWAYS);
    try (Journal journal = Records.open(dir, settings).journal()) {
      long started = System.nanoTime();
      for (int i = 0; i < 10_000; i++) {
        journal.append(Records.numbered(i, 300));
      }
      long appendNanos = System.nanoTime() - started;
      journal.awaitDurable(10_000);

      // 10,000 forced writes would take far longer than the few milliseconds queueing takes.
      assertThat(journal.stats().forces()).isLessThan(10_000);
      assertThat(appendNanos).isPositive();
    }
  }
}
