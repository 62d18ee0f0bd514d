package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one snapshot into its temporary file: header, the source's records, then a footer that
 * counts them, forced before the caller renames the file into place.
 */
final class SnapshotWriter implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FrameWriter frames;
  private long records;
  private boolean finished;

  SnapshotWriter(Path file, long sequence) throws IOException {
    this.file = file;
    this.channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    this.frames = new FrameWriter(channel);
    try {
      frames.putRaw(Format.fileHeader(Format.SNAPSHOT_MAGIC, sequence));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** For {@link SnapshotSource#writeTo}: I/O errors travel as {@link UncheckedIOException}. */
  void accept(byte[] record) {
    if (finished) {
      throw new IllegalStateException("The snapshot " + file + " is already finished");
    }
    try {
      frames.put(record);
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the snapshot " + file, e);
    }
  }

  long records() {
    return records;
  }

  /** Appends the footer and forces the file. */
  void finish() throws IOException {
    finished = true;
    frames.putRaw(Format.footer(records));
    frames.flush();
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    finished = true;
    channel.close();
  }
}
