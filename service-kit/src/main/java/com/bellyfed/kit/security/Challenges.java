package com.bellyfed.kit.security;

/** RFC 6750's quoting rules for {@code error_description}. */
final class Challenges {

  private static final int MAX_LENGTH = 200;

  private Challenges() {}

  /**
   * The text with only the characters RFC 6750 allows in {@code error_description} (%x20-21 / %x23-5B /
   * %x5D-7E): quotes and backslashes become apostrophes and slashes, anything else a space, so nothing a
   * token carried can break the header.
   */
  static String quotable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append('\'');
      } else if (c == '\\') {
        out.append('/');
      } else if (c < 0x20 || c > 0x7E) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
