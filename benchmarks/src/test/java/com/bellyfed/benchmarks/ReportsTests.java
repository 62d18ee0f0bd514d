package com.bellyfed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTests {

  @Test
  void aRewriteReplacesTheGeneratedPartAndKeepsWhatWasWrittenByHand(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.md");
    Reports.write(report, "# run 1\n\n| a |\n");
    Files.writeString(report, Files.readString(report) + "\n## Verdict\n\nslow, see why.\n");

    Reports.write(report, "# run 2\n");

    String text = Files.readString(report);
    assertThat(text).startsWith("# run 2\n" + Reports.HAND_WRITTEN).doesNotContain("run 1").endsWith("## Verdict\n\nslow, see why.\n");
  }

  @Test
  void aReportWithoutTheMarkerIsReplacedWholeAndGetsIt(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.md");
    Files.writeString(report, "# old, generated before the marker existed\n");

    Reports.write(report, "# new");

    assertThat(Files.readString(report)).isEqualTo("# new\n" + Reports.HAND_WRITTEN + "\n");
  }
}
