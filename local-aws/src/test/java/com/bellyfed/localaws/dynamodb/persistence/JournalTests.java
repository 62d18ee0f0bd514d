package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class JournalTests {

  @TempDir Path dir;

  @Test
  void replaysAppendedRecordsInOrderAfterReopening() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, "one", "two", "three");
    }

    assertThat(Records.replayTexts(dir)).containsExactly("one", "two", "three");
  }

  @Test
  void replaysNothingFromANewDirectory() throws Exception {
    Path fresh = dir.resolve("a/b");
    Records.Opened opened = Records.open(fresh);
    opened.journal().close();

    assertThat(opened.replayed()).isEmpty();
    assertThat(fresh.resolve("segment-00000000000000000001.log")).exists();
  }

  @Test
  void keepsEmptyRecordsAndRecordsLargerThanTheWriteBuffer() throws Exception {
    byte[] large = new byte[3 * 1024 * 1024 + 7];
    Arrays.fill(large, (byte) 'x');
    large[large.length - 1] = 'y';
    try (Journal journal = Records.open(dir).journal()) {
      journal.append(new byte[0]);
      journal.append(large);
      journal.awaitDurable(journal.append(Records.text("after")));
    }

    List<byte[]> replayed = Records.replay(dir);
    assertThat(replayed).hasSize(3);
    assertThat(replayed.get(0)).isEmpty();
    assertThat(replayed.get(1)).isEqualTo(large);
    assertThat(Records.text(replayed.get(2))).isEqualTo("after");
  }

  @Test
  void keepsAppendingToTheNewestSegmentAcrossReopens() throws Exception {
    for (int round = 0; round < 3; round++) {
      try (Journal journal = Records.open(dir).journal()) {
        Records.appendAll(journal, "round " + round);
      }
    }

    assertThat(Records.replayTexts(dir)).containsExactly("round 0", "round 1", "round 2");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("journal.lock", "segment-00000000000000000001.log");
    }
  }

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void acknowledgesOnlyWrittenRecordsUnderEveryPolicy(FsyncPolicy policy) throws Exception {
    try (Journal journal = Records.open(dir, Records.SETTINGS.withFsync(policy)).journal()) {
      long last = 0;
      for (int i = 0; i < 100; i++) {
        last = journal.append(Records.numbered(i, 100));
      }
      journal.awaitDurable(last);

      JournalStats stats = journal.stats();
      assertThat(stats.appended()).isEqualTo(100);
      assertThat(stats.written()).isEqualTo(100);
      if (policy == FsyncPolicy.ALWAYS) {
        assertThat(stats.forced()).isEqualTo(100);
      }
      if (policy == FsyncPolicy.NEVER) {
        assertThat(stats.forces()).isZero();
      }
    }
    assertThat(Records.replay(dir)).hasSize(100);
  }

  @Test
  void forcesWithinTheIntervalUnderTheIntervalPolicy() throws Exception {
    JournalSettings settings =
        Records.SETTINGS.withFsync(FsyncPolicy.INTERVAL).withFsyncInterval(Duration.ofMillis(50));
    try (Journal journal = Records.open(dir, settings).journal()) {
      long ticket = journal.append(Records.text("one"));
      journal.awaitDurable(ticket);

      await().atMost(Duration.ofSeconds(5)).until(() -> journal.stats().forced() >= ticket);
    }
  }

  @Test
  void writesTheRecordsAppendedBeforeClose() throws Exception {
    Journal journal = Records.open(dir).journal();
    long last = 0;
    for (int i = 0; i < 1000; i++) {
      last = journal.append(Records.numbered(i, 50));
    }
    journal.close();
    journal.awaitDurable(last);

    assertThat(Records.replay(dir)).hasSize(1000);
  }

  @Test
  void refusesAppendsAfterClose() throws Exception {
    Journal journal = Records.open(dir).journal();
    journal.close();
    journal.close();

    assertThatThrownBy(() -> journal.append(Records.text("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> journal.checkpoint(out -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesTicketsNeverHandedOut() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      long ticket = journal.append(Records.text("one"));

      assertThatThrownBy(() -> journal.awaitDurable(ticket + 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> journal.awaitDurable(0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      assertThatThrownBy(() -> Records.open(dir))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining(dir.toString());
      Records.appendAll(journal, "still mine");
    }
    assertThat(Records.replayTexts(dir)).containsExactly("still mine");
  }

  @Test
  void releasesTheDirectoryWhenRecoveryFails() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, "one");
    }
    Path segment = dir.resolve("segment-00000000000000000001.log");
    byte[] bytes = Files.readAllBytes(segment);
    bytes[7] = 9;
    Files.write(segment, bytes);
    assertThatThrownBy(() -> Records.open(dir)).isInstanceOf(JournalFormatException.class);

    bytes[7] = 1;
    Files.write(segment, bytes);
    assertThat(Records.replayTexts(dir)).containsExactly("one");
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> Records.SETTINGS.withFsyncInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Records.SETTINGS.withCheckpointAfterBytes(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(JournalSettings.defaults())
        .isEqualTo(new JournalSettings(FsyncPolicy.INTERVAL, Duration.ofSeconds(1), 64L << 20));
  }

  @Test
  void countsWhatItReplayed() throws IOException, InterruptedException {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, "one", "two");
    }
    try (Journal journal = Records.open(dir).journal()) {
      JournalStats stats = journal.stats();
      assertThat(stats.replayedLogRecords()).isEqualTo(2);
      assertThat(stats.replayedSnapshotRecords()).isZero();
      assertThat(stats.truncatedBytes()).isZero();
      assertThat(stats.segment()).isEqualTo(1);
      assertThat(stats.logBytesSinceSnapshot()).isEqualTo(Files.size(
          dir.resolve("segment-00000000000000000001.log")));
    }
  }
}
