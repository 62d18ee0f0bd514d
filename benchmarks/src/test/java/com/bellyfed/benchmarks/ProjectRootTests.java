package com.bellyfed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTests {

  @Test
  void theRootIsTheNearestDirectoryWithMvnw(@TempDir Path dir) throws IOException {
    Files.createFile(dir.resolve("mvnw"));
    Path module = Files.createDirectories(dir.resolve("benchmarks/target"));

    assertThat(ProjectRoot.find(module)).isEqualTo(dir);
    assertThat(ProjectRoot.find(dir)).isEqualTo(dir);
  }

  @Test
  void absolutePathsStayAsTheyAre(@TempDir Path dir) {
    Path report = dir.resolve("report.md");

    assertThat(ProjectRoot.resolve(report)).isEqualTo(report);
  }
}
