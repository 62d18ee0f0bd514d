package com.bellyfed.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a benchmark's report and keeps what a person wrote below {@link #HAND_WRITTEN} in the
 * previous one (the verdict on a run, the history of earlier runs), which a rewrite would lose.
 */
public final class Reports {

  /** What follows this line in a report is written by hand and kept when the benchmark writes it again. */
  public static final String HAND_WRITTEN = "<!-- written by hand below; kept when the benchmark rewrites this report -->";

  private Reports() {}

  public static void write(Path report, String generated) throws IOException {
    String kept = "\n";
    if (Files.exists(report)) {
      String previous = Files.readString(report);
      int marker = previous.indexOf(HAND_WRITTEN);
      if (marker >= 0) {
        kept = previous.substring(marker + HAND_WRITTEN.length());
      }
    }
    Files.writeString(report, (generated.endsWith("\n") ? generated : generated + "\n") + HAND_WRITTEN + kept);
  }
}
