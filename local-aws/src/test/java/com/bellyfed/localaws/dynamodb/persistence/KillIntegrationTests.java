package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.testing.KilledChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} a process that appends as fast as it can, then check that every record it
 * acknowledged is back and that the records form a gap-free prefix of those appended.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillIntegrationTests {

  private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 3000;

  @TempDir Path dir;

  /** The children's standard error, apart from the journal's directory. */
  @TempDir Path childErrors;

  private @Nullable Process child;

  @AfterEach
  void killChild() throws InterruptedException {
    Process running = child;
    if (running != null) {
      running.destroyForcibly();
      running.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void keepsEveryAcknowledgedRecordAfterKillMinus9() throws Exception {
    long next = killRound(0, 0);
    assertThat(next).isGreaterThan(ACKNOWLEDGEMENTS_BEFORE_KILL);
  }

  @Test
  void keepsEveryAcknowledgedRecordWhenKillsLandInCheckpoints() throws Exception {
    long next = 0;
    for (int round = 0; round < 4; round++) {
      next = killRound(next, 32 * 1024);
    }
    try (Journal journal = Records.open(dir).journal()) {
      assertThat(journal.stats().replayedSnapshotRecords()).as("some checkpoint completed")
          .isPositive();
    }
  }

  /** Runs the child until it acknowledged enough, kills it, and checks what recovers; returns the next number. */
  private long killRound(long expectedNext, long checkpointAfterBytes) throws Exception {
    Path errors = Files.createTempFile(childErrors, "child", ".err");
    List<String> command = new ArrayList<>(KilledChild.javaCommand(CrashingWriter.class));
    command.addAll(List.of(dir.toString(), Long.toString(checkpointAfterBytes)));
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    child = process;
    List<Long> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      String first = out.readLine();
      assertThat(first).as("child stderr: %s", Files.readString(errors))
          .isEqualTo("open " + expectedNext);

      assertThatThrownBy(() -> Records.open(dir))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining("in use by another process (pid " + process.pid() + ")");

      while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL) {
        String line = out.readLine();
        assertThat(line).as("child stderr: %s", Files.readString(errors)).isNotNull();
        acknowledged.add(Long.parseLong(line));
      }
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    child = null;
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

    List<byte[]> replayed = Records.replay(dir);
    long max = checkGapFree(replayed);
    assertThat(acknowledged).allSatisfy(number -> assertThat(number).isLessThanOrEqualTo(max));
    return max + 1;
  }

  /**
   * Replay is a snapshot of the numbers 0..m, then the log from some j <= m + 1 on, or the log
   * alone from 0: consecutive numbers, except for one step back where the log starts over what the
   * snapshot already showed. Returns the largest number.
   */
  private static long checkGapFree(List<byte[]> replayed) {
    assertThat(replayed).isNotEmpty();
    assertThat(Records.number(replayed.get(0))).isZero();
    long previous = 0;
    long max = 0;
    int stepsBack = 0;
    for (int i = 1; i < replayed.size(); i++) {
      long number = Records.number(replayed.get(i));
      if (number != previous + 1) {
        assertThat(number).as("record %d follows %d", number, previous).isLessThanOrEqualTo(previous);
        stepsBack++;
      }
      previous = number;
      max = Math.max(max, number);
    }
    assertThat(stepsBack).isLessThanOrEqualTo(1);
    assertThat(previous).as("the log ends with the largest number").isEqualTo(max);
    return max;
  }
}
