package com.bellyfed.imports.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The body formats an import accepts, by media type. */
public enum Format {
  NDJSON("application/x-ndjson"),
  CSV("text/csv");

  private final String mediaType;

  Format(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format of a Content-Type header, parameters (charset) ignored. */
  public static Optional<Format> ofContentType(String contentType) {
    String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(format -> format.mediaType.equals(bare)).findFirst();
  }

  public static String known() {
    return Arrays.stream(values()).map(Format::mediaType).collect(Collectors.joining(", "));
  }
}
