package com.bellyfed.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves paths given on the command line against the project root, the directory holding {@code mvnw}. */
public final class ProjectRoot {

  private ProjectRoot() {}

  public static Path resolve(Path path) {
    return path.isAbsolute() ? path : find(Path.of("").toAbsolutePath()).resolve(path).normalize();
  }

  /**
   * The nearest directory at or above {@code start} with {@code mvnw}: exec:java may run with the
   * module or the root as working directory, and a report path should mean the same from both.
   */
  public static Path find(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    String mavenRoot = System.getProperty("maven.multiModuleProjectDirectory");
    return mavenRoot != null ? Path.of(mavenRoot) : start;
  }
}
