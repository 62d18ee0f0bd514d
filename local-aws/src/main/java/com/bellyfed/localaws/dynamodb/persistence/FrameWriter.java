package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Frames records into a direct buffer and writes the buffer to a channel when it is full or when
 * asked, so that a batch of small records costs one {@code write}. Not thread-safe.
 */
final class FrameWriter {

  /** 1 MiB: hundreds of typical records per {@code write}, larger ones in several. */
  private static final int BUFFER_BYTES = 1 << 20;

  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private long writes;

  FrameWriter(FileChannel channel) {
    this.channel = channel;
  }

  /** Writes to another channel from now on; the buffer must have been flushed. */
  void target(FileChannel next) {
    channel = next;
  }

  /** Buffers one framed record; returns the bytes it takes in the file. */
  int put(byte[] payload) throws IOException {
    if (buffer.remaining() < Format.FRAME_HEADER_BYTES) {
      flush();
    }
    buffer.putInt(payload.length);
    buffer.putInt(Format.lengthCheck(crc, payload.length));
    buffer.putInt(Format.payloadCheck(crc, payload));
    int offset = 0;
    while (offset < payload.length) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int chunk = Math.min(buffer.remaining(), payload.length - offset);
      buffer.put(payload, offset, chunk);
      offset += chunk;
    }
    return Format.FRAME_HEADER_BYTES + payload.length;
  }

  /** Buffers raw bytes, e.g. a footer. */
  void putRaw(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int chunk = Math.min(buffer.remaining(), bytes.remaining());
      ByteBuffer slice = bytes.slice().limit(chunk);
      buffer.put(slice);
      bytes.position(bytes.position() + chunk);
    }
  }

  /** Hands every buffered byte to the operating system. */
  void flush() throws IOException {
    buffer.flip();
    if (buffer.hasRemaining()) {
      writes++;
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
    buffer.clear();
  }

  long writes() {
    return writes;
  }
}
