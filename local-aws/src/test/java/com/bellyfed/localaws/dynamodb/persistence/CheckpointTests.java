package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CheckpointTests {

  @TempDir Path dir;

  private Path segment(long sequence) {
    return dir.resolve(String.format("segment-%020d.log", sequence));
  }

  private Path snapshot(long sequence) {
    return dir.resolve(String.format("snapshot-%020d.snap", sequence));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  /** Opens the journal into a fresh model. */
  private KeyValueModel open(JournalSettings settings, List<Journal> opened) throws IOException {
    KeyValueModel model = new KeyValueModel();
    Journal journal = Journal.open(dir, settings, model::apply);
    model.attach(journal);
    opened.add(journal);
    return model;
  }

  private Map<String, String> recovered() throws IOException {
    KeyValueModel model = new KeyValueModel();
    Journal.open(dir, Records.SETTINGS, model::apply).close();
    return model.contents();
  }

  /** Writes random values to and deletes random keys among 200, from {@code threads} threads. */
  private static void writeConcurrently(KeyValueModel model, Journal journal, int threads,
      int writesEach) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < writesEach; i++) {
            String key = "key-" + random.nextInt(200);
            String value = random.nextInt(10) == 0 ? null : "value " + thread + "/" + i;
            journal.awaitDurable(model.write(key, value));
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
  }

  @Test
  void recoversTheSameStateAfterCheckpointsTakenDuringConcurrentWrites() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    Journal journal = opened.get(0);
    int threads = 4;
    int writesEach = 5000;
    Thread checkpoints = new Thread(() -> {
      try {
        for (int i = 0; i < 8; i++) {
          journal.checkpoint(model);
          // Spread over the writes: the next checkpoint once the writers appended more (or are done).
          long appended = journal.stats().appended();
          org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(1))
              .until(() -> journal.stats().appended() >= Math.min(appended + 500, (long) threads * writesEach));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    checkpoints.start();
    writeConcurrently(model, journal, threads, writesEach);
    checkpoints.join();
    assertThat(journal.stats().checkpoints()).isEqualTo(8);
    journal.close();

    assertThat(recovered()).isEqualTo(model.contents()).isNotEmpty();
    assertThat(files())
        .containsExactlyInAnyOrder("journal.lock", snapshot(9).getFileName().toString(),
            segment(9).getFileName().toString());
  }

  @Test
  void compactsTheLogIntoTheSnapshot() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    for (int i = 0; i < 1000; i++) {
      model.write("key", "value " + i);
    }
    opened.get(0).checkpoint(model);
    opened.get(0).close();

    KeyValueModel reopened = open(Records.SETTINGS, opened);
    JournalStats stats = opened.get(1).stats();
    opened.get(1).close();
    assertThat(reopened.contents()).containsExactly(Map.entry("key", "value 999"));
    assertThat(stats.replayedSnapshotRecords()).isEqualTo(1);
    assertThat(stats.replayedLogRecords()).isZero();
    assertThat(stats.logBytesSinceSnapshot()).isEqualTo(Format.FILE_HEADER_BYTES);
  }

  @Test
  void checkpointsAutomaticallyWhenTheLogOutgrowsTheThreshold() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS.withCheckpointAfterBytes(16 * 1024), opened);
    Journal journal = opened.get(0);
    journal.checkpointAutomatically(model);
    writeConcurrently(model, journal, 2, 2000);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> journal.stats().logBytesSinceSnapshot() < 16 * 1024);
    assertThat(journal.stats().checkpoints()).isGreaterThanOrEqualTo(2);
    journal.close();
    assertThat(recovered()).isEqualTo(model.contents());
    assertThat(files().stream().filter(name -> name.endsWith(".snap"))).hasSize(1);
  }

  @Test
  void recoversWhenACheckpointFailedAfterSwitchingSegments() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    Journal journal = opened.get(0);
    model.write("a", "1");
    journal.checkpoint(model);
    model.write("b", "2");

    assertThatThrownBy(() -> journal.checkpoint(out -> {
      out.accept(Records.text("half a snapshot"));
      throw new UncheckedIOException(new IOException("disk full"));
    })).isInstanceOf(IOException.class).hasMessage("disk full");
    model.write("c", "3");
    journal.awaitDurable(model.write("a", "4"));
    journal.close();

    assertThat(files()).containsExactlyInAnyOrder("journal.lock", snapshot(2).getFileName().toString(),
        segment(2).getFileName().toString(), segment(3).getFileName().toString());
    assertThat(recovered()).containsExactly(Map.entry("a", "4"), Map.entry("b", "2"),
        Map.entry("c", "3"));
  }

  @Test
  void keepsWritingToTheCurrentSegmentWhenTheNextCannotBeCreated() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    Journal journal = opened.get(0);
    model.write("a", "1");
    Files.createDirectory(segment(2));

    assertThatThrownBy(() -> journal.checkpoint(model))
        .isInstanceOf(FileAlreadyExistsException.class);
    journal.awaitDurable(model.write("b", "2"));
    journal.close();
    Files.delete(segment(2));

    assertThat(recovered()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
  }

  @Test
  void ignoresAHalfWrittenSnapshotACrashLeft() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    Journal journal = opened.get(0);
    for (int i = 0; i < 100; i++) {
      model.write("key-" + i, "old");
    }
    journal.checkpoint(model);
    Records.rotate(journal);
    for (int i = 0; i < 100; i += 2) {
      model.write("key-" + i, "new");
    }
    journal.close();
    // What a crash in the middle of the next checkpoint's snapshot leaves behind.
    byte[] complete = Files.readAllBytes(snapshot(2));
    Path temp = dir.resolve(String.format("snapshot-%020d.snap.tmp", 3));
    Files.write(temp, Arrays.copyOf(complete, complete.length / 2));

    assertThat(recovered()).isEqualTo(model.contents());
    assertThat(temp).doesNotExist();
  }

  @Test
  void recoversWhenACrashCameBeforeTheCoveredFilesWereDeleted() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    Journal journal = opened.get(0);
    model.write("a", "1");
    journal.checkpoint(model);
    model.write("a", "2");
    model.write("b", "1");
    Path keep = Files.createTempDirectory(dir.getParent(), "covered");
    Files.copy(snapshot(2), keep.resolve("snapshot"));
    Files.copy(segment(2), keep.resolve("segment"));
    journal.checkpoint(model);
    model.write("b", "2");
    journal.close();
    Files.copy(keep.resolve("snapshot"), snapshot(2), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(keep.resolve("segment"), segment(2), StandardCopyOption.REPLACE_EXISTING);

    assertThat(recovered()).containsExactly(Map.entry("a", "2"), Map.entry("b", "2"));
    assertThat(files()).containsExactlyInAnyOrder("journal.lock", snapshot(3).getFileName().toString(),
        segment(3).getFileName().toString());
  }

  @Test
  void refusesADamagedSnapshot() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    for (int i = 0; i < 10; i++) {
      model.write("key-" + i, "value");
    }
    opened.get(0).checkpoint(model);
    opened.get(0).close();
    byte[] bytes = Files.readAllBytes(snapshot(2));
    bytes[Format.FILE_HEADER_BYTES + 30] ^= 1;
    Files.write(snapshot(2), bytes);

    assertThatThrownBy(this::recovered)
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(snapshot(2) + " is damaged");
  }

  @Test
  void refusesASnapshotWithoutItsFooter() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    model.write("a", "1");
    opened.get(0).checkpoint(model);
    opened.get(0).close();
    byte[] bytes = Files.readAllBytes(snapshot(2));
    Files.write(snapshot(2), Arrays.copyOf(bytes, bytes.length - Format.FOOTER_BYTES));

    assertThatThrownBy(this::recovered)
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("without its footer");
  }

  @Test
  void refusesASnapshotOfAnUnknownFormatVersion() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    model.write("a", "1");
    opened.get(0).checkpoint(model);
    opened.get(0).close();
    byte[] bytes = Files.readAllBytes(snapshot(2));
    bytes[7] = 3;
    Files.write(snapshot(2), bytes);

    assertThatThrownBy(this::recovered)
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("format version 3");
  }

  @Test
  void refusesASnapshotWhoseFirstSegmentIsMissing() throws Exception {
    List<Journal> opened = new ArrayList<>();
    KeyValueModel model = open(Records.SETTINGS, opened);
    model.write("a", "1");
    opened.get(0).checkpoint(model);
    opened.get(0).close();
    Files.delete(segment(2));

    assertThatThrownBy(this::recovered)
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(segment(2) + " is missing");
  }
}
