package com.bellyfed.imports.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding more than one line of at most {@code
 * maxLineBytes}: a longer line is skipped to its end and reported as over-long, so a hostile body
 * cannot make memory grow. The body's own limit is service-kit's (bellyfed.web.max-body-size).
 */
final class LineReader {

  /** A line, or an over-long line whose bytes were dropped. */
  record Line(long number, byte[] bytes, int length, boolean overLong) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private long lineNumber;
  private long bytesRead;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, without its CR LF or LF; null at the end of the stream. */
  Line next() throws IOException {
    int length = 0;
    boolean overLong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (overLong) {
        continue;
      }
      if (length == maxLineBytes) {
        overLong = true;
        continue;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
      }
      line[length++] = b;
    }
    lineNumber++;
    if (!overLong && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new Line(lineNumber, line, length, overLong);
  }

  long bytesRead() {
    return bytesRead;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    bytesRead += read;
    position = 0;
    limit = read;
    return true;
  }
}
