package com.bellyfed.localaws.dynamodb.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecoveryTests {

  private static final String FIRST = "first record";
  private static final String SECOND = "second record";
  private static final String LAST = "the last record, which a crash may tear";

  @TempDir Path dir;

  private Path segment(long sequence) {
    return dir.resolve(String.format("segment-%020d.log", sequence));
  }

  private static long frame(String text) {
    return Format.FRAME_HEADER_BYTES + Records.text(text).length;
  }

  /** Writes FIRST, SECOND and LAST into segment 1 and returns where LAST starts. */
  private long writeThree() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, FIRST, SECOND, LAST);
    }
    return Format.FILE_HEADER_BYTES + frame(FIRST) + frame(SECOND);
  }

  private void flip(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x10;
    Files.write(file, bytes);
  }

  @Test
  void truncatesATornTailAtEveryByteOffsetOfTheLastRecord() throws Exception {
    long lastStart = writeThree();
    byte[] whole = Files.readAllBytes(segment(1));
    assertThat(whole).hasSize((int) (lastStart + frame(LAST)));

    try (CapturedWarnings warnings = new CapturedWarnings(Recovery.class)) {
      for (int cut = (int) lastStart + 1; cut < whole.length; cut++) {
        Files.write(segment(1), Arrays.copyOf(whole, cut));
        warnings.clear();

        Records.Opened opened = Records.open(dir);
        try (Journal journal = opened.journal()) {
          assertThat(opened.texts()).as("cut at %d", cut).containsExactly(FIRST, SECOND);
          assertThat(journal.stats().truncatedBytes()).isEqualTo(cut - lastStart);
          assertThat(Files.size(segment(1))).isEqualTo(lastStart);
          assertThat(warnings.lines())
              .singleElement()
              .asString()
              .contains(segment(1).toString(), "offset " + lastStart,
                  (cut - lastStart) + " bytes dropped");
          Records.appendAll(journal, "after " + cut);
        }
        assertThat(Records.replayTexts(dir)).containsExactly(FIRST, SECOND, "after " + cut);
      }
    }
  }

  @Test
  void keepsEveryRecordWhenTheFileEndsAtARecordBoundary() throws Exception {
    long lastStart = writeThree();
    Files.write(segment(1), Arrays.copyOf(Files.readAllBytes(segment(1)), (int) lastStart));

    try (CapturedWarnings warnings = new CapturedWarnings(Recovery.class)) {
      assertThat(Records.replayTexts(dir)).containsExactly(FIRST, SECOND);
      assertThat(warnings.lines()).isEmpty();
    }
  }

  @Test
  void truncatesALastRecordWhoseChecksumDoesNotMatch() throws Exception {
    long lastStart = writeThree();
    flip(segment(1), lastStart + Format.FRAME_HEADER_BYTES + 5);

    try (CapturedWarnings warnings = new CapturedWarnings(Recovery.class)) {
      assertThat(Records.replayTexts(dir)).containsExactly(FIRST, SECOND);
      assertThat(warnings.lines()).singleElement().asString()
          .contains("offset " + lastStart, frame(LAST) + " bytes dropped", "checksum");
    }
  }

  @Test
  void truncatesALastRecordWhoseLengthIsDamaged() throws Exception {
    long lastStart = writeThree();
    flip(segment(1), lastStart + 3);

    try (CapturedWarnings warnings = new CapturedWarnings(Recovery.class)) {
      assertThat(Records.replayTexts(dir)).containsExactly(FIRST, SECOND);
      assertThat(warnings.lines()).singleElement().asString().contains("damaged length");
    }
  }

  @Test
  void truncatesZerosAfterTheLastRecord() throws Exception {
    writeThree();
    long size = Files.size(segment(1));
    Files.write(segment(1), new byte[4096], java.nio.file.StandardOpenOption.APPEND);

    try (CapturedWarnings warnings = new CapturedWarnings(Recovery.class)) {
      assertThat(Records.replayTexts(dir)).containsExactly(FIRST, SECOND, LAST);
      assertThat(warnings.lines()).singleElement().asString()
          .contains("offset " + size, "4096 bytes dropped");
    }
  }

  @Test
  void refusesADamagedRecordFollowedByIntactOnes() throws Exception {
    writeThree();
    long secondStart = Format.FILE_HEADER_BYTES + frame(FIRST);
    flip(segment(1), secondStart + Format.FRAME_HEADER_BYTES + 2);

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(segment(1).toString())
        .hasMessageContaining("record at offset " + secondStart + " does not match its checksum")
        .hasMessageContaining("intact record follows at offset " + (secondStart + frame(SECOND)));
    assertThat(Files.size(segment(1))).as("nothing truncated")
        .isEqualTo(secondStart + frame(SECOND) + frame(LAST));
  }

  @Test
  void refusesADamagedLengthFollowedByIntactRecords() throws Exception {
    writeThree();
    long secondStart = Format.FILE_HEADER_BYTES + frame(FIRST);
    flip(segment(1), secondStart + 2);

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("record at offset " + secondStart + " has a damaged length")
        .hasMessageContaining("intact record follows at offset " + (secondStart + frame(SECOND)));
  }

  @Test
  void refusesAnUnknownFormatVersion() throws Exception {
    writeThree();
    byte[] bytes = Files.readAllBytes(segment(1));
    ByteBuffer.wrap(bytes).putInt(4, 2);
    Files.write(segment(1), bytes);

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(segment(1).toString())
        .hasMessageContaining("format version 2")
        .hasMessageContaining("reads only version 1");
  }

  @Test
  void refusesAFileThatIsNotAJournalSegment() throws Exception {
    writeThree();
    flip(segment(1), 0);

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("is not a log segment");
  }

  @Test
  void refusesADamagedFileHeader() throws Exception {
    writeThree();
    flip(segment(1), 10);

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining("file header is damaged");
  }

  @Test
  void refusesATornTailInASegmentThatIsNotTheNewest() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, FIRST, SECOND);
      Records.rotate(journal);
      Records.appendAll(journal, LAST);
    }
    byte[] old = Files.readAllBytes(segment(1));
    Files.write(segment(1), Arrays.copyOf(old, old.length - 1));

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(segment(1).toString())
        .hasMessageContaining("not the newest segment");
  }

  @Test
  void replaysEverySegmentInOrder() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, FIRST);
      Records.rotate(journal);
      Records.appendAll(journal, SECOND);
      Records.rotate(journal);
      Records.appendAll(journal, LAST);
      assertThat(journal.stats().segment()).isEqualTo(3);
    }

    assertThat(Records.replayTexts(dir)).containsExactly(FIRST, SECOND, LAST);
  }

  @Test
  void refusesAMissingSegment() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, FIRST);
      Records.rotate(journal);
      Records.appendAll(journal, SECOND);
      Records.rotate(journal);
      Records.appendAll(journal, LAST);
    }
    Files.delete(segment(2));

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(segment(2) + " is missing");
  }

  @Test
  void refusesALogThatDoesNotStartAtTheFirstSegmentWithoutASnapshot() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, FIRST);
      Records.rotate(journal);
      Records.appendAll(journal, SECOND);
    }
    Files.delete(segment(1));

    assertThatThrownBy(() -> Records.open(dir))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageContaining(segment(1) + " is missing");
  }

  @Test
  void repairsATornHeaderOfTheNewestSegment() throws Exception {
    try (Journal journal = Records.open(dir).journal()) {
      Records.appendAll(journal, FIRST);
      Records.rotate(journal);
    }
    byte[] header = Files.readAllBytes(segment(2));
    for (int length : List.of(0, 7, Format.FILE_HEADER_BYTES - 1)) {
      Files.write(segment(2), Arrays.copyOf(header, length));

      try (CapturedWarnings warnings = new CapturedWarnings(Recovery.class)) {
        Records.Opened opened = Records.open(dir);
        try (Journal journal = opened.journal()) {
          assertThat(opened.texts()).containsExactly(FIRST);
          assertThat(warnings.lines()).singleElement().asString()
              .contains(segment(2).toString(), "torn header of " + length + " bytes");
          Records.appendAll(journal, "after " + length);
        }
      }
      assertThat(Records.replayTexts(dir)).containsExactly(FIRST, "after " + length);
    }
  }
}
