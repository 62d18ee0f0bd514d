package com.bellyfed.write.web;

import com.bellyfed.kit.problem.InvalidRequestException;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** The ETag of a representation is its item's version, as a strong entity tag: {@code "3"}. */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header expects, or empty when there is none (or {@code *}).
   *
   * @throws InvalidRequestException 400 naming If-Match when the header names no version this service issued
   */
  public static OptionalLong expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long version = Long.parseLong(tag);
      if (version >= 1) {
        return OptionalLong.of(version);
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw InvalidRequestException.of("If-Match", "must be an ETag this service issued, such as \"3\"");
  }
}
