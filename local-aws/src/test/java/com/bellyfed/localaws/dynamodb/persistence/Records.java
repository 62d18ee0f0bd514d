package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test records and the journals that hold them. */
final class Records {

  static final JournalSettings SETTINGS = JournalSettings.defaults().withCheckpointAfterBytes(0);

  private Records() {}

  static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] record) {
    return new String(record, StandardCharsets.UTF_8);
  }

  /** A record holding {@code number}, padded to {@code size} bytes. */
  static byte[] numbered(long number, int size) {
    ByteBuffer record = ByteBuffer.allocate(Math.max(8, size));
    record.putLong(number);
    for (int i = 8; i < record.capacity(); i++) {
      record.put((byte) (number + i));
    }
    return record.array();
  }

  static long number(byte[] record) {
    return ByteBuffer.wrap(record).getLong();
  }

  /** Opens the journal and returns it with the records it replayed. */
  record Opened(Journal journal, List<byte[]> replayed) {
    List<String> texts() {
      return replayed.stream().map(Records::text).toList();
    }
  }

  static Opened open(Path dir) throws IOException {
    return open(dir, SETTINGS);
  }

  static Opened open(Path dir, JournalSettings settings) throws IOException {
    List<byte[]> replayed = new ArrayList<>();
    Journal journal = Journal.open(dir, settings, replayed::add);
    return new Opened(journal, replayed);
  }

  /** The records a fresh open replays; the journal is closed again. */
  static List<byte[]> replay(Path dir) throws IOException {
    Opened opened = open(dir);
    opened.journal().close();
    return opened.replayed();
  }

  /** The texts of the records a fresh open replays; the journal is closed again. */
  static List<String> replayTexts(Path dir) throws IOException {
    Opened opened = open(dir);
    opened.journal().close();
    return opened.texts();
  }

  static void appendAll(Journal journal, String... texts) throws InterruptedException {
    long ticket = 0;
    for (String text : texts) {
      ticket = journal.append(text(text));
    }
    journal.awaitDurable(ticket);
  }

  /** Starts a new log segment, as a checkpoint does, without writing a snapshot. */
  static void rotate(Journal journal) {
    try {
      journal.checkpoint(out -> {
        throw new IllegalStateException("no snapshot this time");
      });
    } catch (IllegalStateException | IOException expected) {
      // The rotation happened; the snapshot was abandoned.
    }
  }
}
