package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/** Reads and checks the record frames of one file. Not thread-safe. */
final class FrameReader {

  enum Status {
    /** An intact record. */
    OK,
    /** The file ends inside the frame: its header, or a payload whose length is trusted. */
    SHORT,
    /** The length or its check is wrong, so where the record ends is unknown. */
    BAD_LENGTH,
    /** The length is trusted but the payload's checksum does not match. */
    BAD_PAYLOAD
  }

  /**
   * What lies at one offset.
   *
   * @param payload the record, when {@code OK}
   * @param end where the next frame starts, when the length is trusted ({@code OK}, {@code
   *     BAD_PAYLOAD})
   */
  record Frame(Status status, byte @Nullable [] payload, long end) {}

  private final FileWindow file;
  private final CRC32C crc = new CRC32C();

  FrameReader(FileWindow file) {
    this.file = file;
  }

  FileWindow file() {
    return file;
  }

  Frame read(long position) throws IOException {
    long remaining = file.size() - position;
    if (remaining < 8) {
      return new Frame(Status.SHORT, null, -1);
    }
    int length = file.getInt(position);
    int check = file.getInt(position + 4);
    if (length < 0 || length > Format.MAX_RECORD_BYTES || check != Format.lengthCheck(crc, length)) {
      return new Frame(Status.BAD_LENGTH, null, -1);
    }
    long end = position + Format.FRAME_HEADER_BYTES + length;
    if (end > file.size()) {
      return new Frame(Status.SHORT, null, -1);
    }
    int payloadCheck = file.getInt(position + 8);
    byte[] payload = file.bytes(position + Format.FRAME_HEADER_BYTES, length);
    if (payloadCheck != Format.payloadCheck(crc, payload)) {
      return new Frame(Status.BAD_PAYLOAD, null, end);
    }
    return new Frame(Status.OK, payload, end);
  }

  /** The offset of the first intact record at or after {@code from}, at any byte offset, or -1. */
  long findIntact(long from) throws IOException {
    for (long position = Math.max(from, 0); position + Format.FRAME_HEADER_BYTES <= file.size();
        position++) {
      if (plausible(position) && read(position).status() == Status.OK) {
        return position;
      }
    }
    return -1;
  }

  /** A cheap pre-check of the length and its checksum, so that scanning rarely reads payloads. */
  private boolean plausible(long position) throws IOException {
    ByteBuffer header = file.get(position, 8);
    int length = header.getInt(0);
    return length >= 0
        && position + Format.FRAME_HEADER_BYTES + length <= file.size()
        && header.getInt(4) == Format.lengthCheck(crc, length);
  }
}
