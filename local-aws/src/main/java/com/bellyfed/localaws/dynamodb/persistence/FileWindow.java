package com.bellyfed.localaws.dynamodb.persistence;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads of a file of known size through a window of it kept in memory: sequential
 * reading costs one {@code read} per window, and recovery can also step back or probe ahead.
 */
final class FileWindow {

  private static final int WINDOW_BYTES = 1 << 20;

  private final FileChannel channel;
  private final long size;
  private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
  private long start;
  private int length;

  FileWindow(FileChannel channel, long size) {
    this.channel = channel;
    this.size = size;
  }

  long size() {
    return size;
  }

  int getInt(long position) throws IOException {
    return window.getInt(at(position, 4));
  }

  long getLong(long position) throws IOException {
    return window.getLong(at(position, 8));
  }

  ByteBuffer get(long position, int count) throws IOException {
    if (count <= WINDOW_BYTES) {
      int index = at(position, count);
      return window.slice(index, count);
    }
    ByteBuffer bytes = ByteBuffer.allocate(count);
    readFully(bytes, position);
    return bytes.flip();
  }

  byte[] bytes(long position, int count) throws IOException {
    ByteBuffer source = get(position, count);
    byte[] bytes = new byte[count];
    source.get(bytes);
    return bytes;
  }

  /** The window index of {@code position}, after moving the window so that it holds {@code count} bytes there. */
  private int at(long position, int count) throws IOException {
    if (position < 0 || position + count > size) {
      throw new EOFException("read of " + count + " bytes at " + position + " past the end " + size);
    }
    if (position >= start && position + count <= start + length) {
      return (int) (position - start);
    }
    window.clear();
    window.limit((int) Math.min(WINDOW_BYTES, size - position));
    readFully(window, position);
    start = position;
    length = window.limit();
    return 0;
  }

  private void readFully(ByteBuffer into, long position) throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int read = channel.read(into, at);
      if (read < 0) {
        throw new EOFException("the file ended at " + at + ", before the expected " + size);
      }
      at += read;
    }
  }
}
