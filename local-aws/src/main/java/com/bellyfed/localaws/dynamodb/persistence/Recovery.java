package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a journal directory: replays the newest snapshot, then every later log segment in order;
 * truncates a torn tail of the newest segment; refuses damage anywhere else, a gap in the segments
 * and unknown format versions; removes what an interrupted checkpoint left behind.
 */
final class Recovery {

  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  /**
   * The recovered journal, ready for appends.
   *
   * @param segment the newest segment, open for writing at its end
   * @param logBytes the bytes of the segments replayed after the snapshot, the newest included
   */
  record Result(
      FileChannel segment,
      long sequence,
      long logBytes,
      long snapshotRecords,
      long logRecords,
      long truncatedBytes) {}

  private final JournalDirectory directory;
  private final Consumer<byte[]> replay;
  private long snapshotRecords;
  private long logRecords;
  private long truncatedBytes;
  private long logBytes;

  private Recovery(JournalDirectory directory, Consumer<byte[]> replay) {
    this.directory = directory;
    this.replay = replay;
  }

  static Result run(JournalDirectory directory, Consumer<byte[]> replay) throws IOException {
    return new Recovery(directory, replay).run();
  }

  private Result run() throws IOException {
    JournalDirectory.Listing listing = directory.list();
    for (Path temp : listing.temps()) {
      log.info("Removing {}: a snapshot whose checkpoint was interrupted", temp);
      Files.delete(temp);
    }
    Map.Entry<Long, Path> snapshot = listing.snapshots().lastEntry();
    long first = snapshot == null ? 1 : snapshot.getKey();
    SortedMap<Long, Path> segments = listing.segments().tailMap(first);
    long expected = first;
    for (long sequence : segments.keySet()) {
      if (sequence != expected) {
        throw new JournalFormatException(
            "The journal in " + directory.path() + " is incomplete: " + directory.segment(expected)
                + " is missing" + (snapshot == null ? "" : " (the snapshot " + snapshot.getValue()
                + " needs every segment from " + first + " on)"));
      }
      expected++;
    }
    if (snapshot != null && segments.isEmpty()) {
      throw new JournalFormatException(
          "The journal in " + directory.path() + " is incomplete: " + directory.segment(first)
              + " is missing; the snapshot " + snapshot.getValue() + " is always followed by it");
    }

    if (snapshot != null) {
      replaySnapshot(snapshot.getValue(), snapshot.getKey());
    }
    @Nullable FileChannel newest = null;
    long newestSequence = first;
    try {
      for (Map.Entry<Long, Path> segment : segments.entrySet()) {
        boolean last = segment.getKey().equals(segments.lastKey());
        FileChannel channel = replaySegment(segment.getValue(), segment.getKey(), last);
        if (last) {
          newest = channel;
          newestSequence = segment.getKey();
        }
      }
      if (newest == null) {
        newest = directory.createSegment(first);
        logBytes += Format.FILE_HEADER_BYTES;
      }
    } catch (IOException | RuntimeException | Error e) {
      if (newest != null) {
        newest.close();
      }
      throw e;
    }
    directory.deleteCoveredBy(first);
    return new Result(
        newest, newestSequence, logBytes, snapshotRecords, logRecords, truncatedBytes);
  }

  private void replaySnapshot(Path file, long sequence) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < Format.FILE_HEADER_BYTES) {
        throw new JournalFormatException(file + " is damaged: it is shorter than its header");
      }
      FrameReader reader = new FrameReader(new FileWindow(channel, size));
      checkHeader(reader, file, Format.SNAPSHOT_MAGIC, sequence);
      long position = Format.FILE_HEADER_BYTES;
      long records = 0;
      while (true) {
        if (size - position >= 4 && reader.file().getInt(position) == Format.FOOTER_MARK) {
          checkFooter(reader.file(), file, position, records);
          snapshotRecords = records;
          return;
        }
        if (position == size) {
          throw new JournalFormatException(
              file + " is damaged: it ends at offset " + position + " without its footer");
        }
        FrameReader.Frame frame = reader.read(position);
        if (frame.status() != FrameReader.Status.OK) {
          throw new JournalFormatException(
              file + " is damaged: the record at offset " + position + " " + reason(frame));
        }
        replay.accept(frame.payload());
        records++;
        position = frame.end();
      }
    }
  }

  private static void checkFooter(FileWindow window, Path file, long position, long records)
      throws IOException {
    if (window.size() - position != Format.FOOTER_BYTES) {
      throw new JournalFormatException(
          file + " is damaged: its footer at offset " + position + " is not at the end of the file");
    }
    ByteBuffer footer = window.get(position, Format.FOOTER_BYTES);
    ByteBuffer expected = Format.footer(records);
    if (!footer.equals(expected)) {
      throw new JournalFormatException(
          file + " is damaged: its footer does not match the " + records + " records read");
    }
  }

  /** Replays a segment; returns its channel, open at its end, if it is the last one. */
  private @Nullable FileChannel replaySegment(Path file, long sequence, boolean last)
      throws IOException {
    FileChannel channel =
        last
            ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
            : FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = channel.size();
      if (size < Format.FILE_HEADER_BYTES) {
        if (!last) {
          throw new JournalFormatException(
              file + " is damaged: it is shorter than its header, and it is not the newest segment");
        }
        // Only a crash while the segment was being created leaves this; it holds no record yet.
        log.warn(
            "Journal {}: rewriting a torn header of {} bytes at offset 0: the segment was being"
                + " created when the process stopped",
            file, size);
        channel.truncate(0);
        JournalDirectory.writeFully(channel, Format.fileHeader(Format.SEGMENT_MAGIC, sequence));
        channel.force(true);
        truncatedBytes += size;
        logBytes += Format.FILE_HEADER_BYTES;
        channel.position(Format.FILE_HEADER_BYTES);
        return channel;
      }
      FrameReader reader = new FrameReader(new FileWindow(channel, size));
      checkHeader(reader, file, Format.SEGMENT_MAGIC, sequence);
      long position = Format.FILE_HEADER_BYTES;
      while (position < size) {
        FrameReader.Frame frame = reader.read(position);
        if (frame.status() == FrameReader.Status.OK) {
          replay.accept(frame.payload());
          logRecords++;
          position = frame.end();
          continue;
        }
        if (!last) {
          throw new JournalFormatException(
              file + " is damaged: the record at offset " + position + " " + reason(frame)
                  + "; this is not the newest segment, so it is not a write a crash interrupted");
        }
        if (frame.status() != FrameReader.Status.SHORT) {
          long from =
              frame.status() == FrameReader.Status.BAD_PAYLOAD ? frame.end() : position + 1;
          long intact = reader.findIntact(from);
          if (intact >= 0) {
            throw new JournalFormatException(
                file + " is damaged: the record at offset " + position + " " + reason(frame)
                    + ", but an intact record follows at offset " + intact + ". Refusing to drop"
                    + " records that may have been acknowledged; restore the directory from a"
                    + " backup, or truncate the file at offset " + position
                    + " to drop them knowingly");
          }
        }
        log.warn(
            "Journal {}: truncating a torn tail at offset {}, {} bytes dropped (the record there {}):"
                + " a write the process did not finish",
            file, position, size - position, reason(frame));
        channel.truncate(position);
        channel.force(true);
        truncatedBytes += size - position;
        size = position;
      }
      logBytes += size;
      if (!last) {
        channel.close();
        return null;
      }
      channel.position(size);
      return channel;
    } catch (IOException | RuntimeException | Error e) {
      channel.close();
      throw e;
    }
  }

  private static void checkHeader(FrameReader reader, Path file, int magic, long sequence)
      throws IOException {
    long actual =
        Format.checkFileHeader(reader.file().get(0, Format.FILE_HEADER_BYTES), magic, file);
    if (actual != sequence) {
      throw new JournalFormatException(
          file + " is damaged or misnamed: its header says it is number " + actual);
    }
  }

  private static String reason(FrameReader.Frame frame) {
    return switch (frame.status()) {
      case SHORT -> "is cut short by the end of the file";
      case BAD_LENGTH -> "has a damaged length";
      case BAD_PAYLOAD -> "does not match its checksum";
      case OK -> "is intact";
    };
  }
}
