package com.bellyfed.analytics.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's {@code monitoring/} folder, found from the module's directory. */
final class MonitoringFiles {

  private static final Pattern METRIC = Pattern.compile("\\b(bellyfed_[a-z0-9_]+)");

  private MonitoringFiles() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("monitoring/prometheus"))) {
        return dir.resolve("monitoring");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("No monitoring/ folder above " + Path.of("").toAbsolutePath());
  }

  /** Every bellyfed_* metric name a file mentions (outside comments, for YAML). */
  static Set<String> metricsIn(Path file) throws Exception {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      Matcher matcher = METRIC.matcher(line);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }
}
