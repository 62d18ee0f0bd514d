package com.bellyfed.imports.records;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a line is text a record may be read from: strict UTF-8 (the JDK's decoder refuses broken and
 * overlong sequences and encoded surrogates) and no control characters but tab and CR (JSON allows none
 * unescaped, RFC 4180 none outside quotes; CR may stand in a quoted CSV value). One per reader, reused.
 */
final class LineText {

  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer chars;

  LineText(int maxLineBytes) {
    chars = CharBuffer.allocate(maxLineBytes);
  }

  /** Why the line cannot be read, or null when it can. */
  @Nullable String problem(LineReader.Line line) {
    byte[] bytes = line.bytes();
    boolean ascii = true;
    for (int i = 0; i < line.length(); i++) {
      byte b = bytes[i];
      if (b < 0) {
        ascii = false;
      } else if (b < 0x20 && b != '\t' && b != '\r') {
        return String.format(Locale.ROOT, "line contains the control character U+%04X (byte %d); only tab may stand in a value", (int) b, i + 1);
      }
    }
    if (ascii) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, line.length());
    utf8.reset();
    chars.clear();
    CoderResult result = utf8.decode(in, chars, true);
    if (result.isError()) {
      return "line is not valid UTF-8 (byte " + (in.position() + 1) + ")";
    }
    return null;
  }
}
