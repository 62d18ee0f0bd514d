package com.bellyfed.analytics.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository's {@code monitoring/} folder, found from the module's directory, and the metric names its queries use. */
final class MonitoringFiles {

  /** Label matchers, range and offset brackets, and quoted strings: none of them names a metric. */
  private static final Pattern NOT_NAMES = Pattern.compile("\\{[^}]*}|\\[[^]]*]|\"[^\"]*\"|'[^']*'");
  /** Label lists after a grouping or matching keyword: {@code by (queue, flow)}, {@code on (job)}. */
  private static final Pattern LABEL_LISTS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
      "group_left", "group_right", "inf", "nan");

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

  /** The PromQL of every rule's {@code expr} in a rules file (one-line or block). */
  static List<String> ruleExpressions(Path rules) throws Exception {
    List<String> expressions = new ArrayList<>();
    List<String> lines = Files.readAllLines(rules);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (!stripped.startsWith("expr:")) {
        continue;
      }
      String inline = stripped.substring("expr:".length()).strip();
      if (!inline.equals("|") && !inline.equals(">")) {
        expressions.add(inline);
        continue;
      }
      int indent = line.indexOf("expr:");
      StringBuilder block = new StringBuilder();
      while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || lines.get(i + 1).indexOf(lines.get(i + 1).strip()) > indent)) {
        block.append(lines.get(++i).strip()).append(' ');
      }
      expressions.add(block.toString());
    }
    return expressions;
  }

  /** The PromQL of every panel target of a Grafana dashboard. */
  static List<String> dashboardExpressions(Path dashboard) throws Exception {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : JsonMapper.builder().build().readTree(dashboard.toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asString());
      }
    }
    return expressions;
  }

  /** The metric names a PromQL expression selects: identifiers that are no function, keyword, label or number. */
  static Set<String> metricsIn(String expression) {
    String names = LABEL_LISTS.matcher(NOT_NAMES.matcher(expression).replaceAll(" ")).replaceAll(" ");
    Set<String> metrics = new TreeSet<>();
    Matcher matcher = IDENTIFIER.matcher(names);
    while (matcher.find()) {
      String name = matcher.group(1);
      boolean function = matcher.group(2) != null;
      if (!function && !KEYWORDS.contains(name.toLowerCase())) {
        metrics.add(name);
      }
    }
    return metrics;
  }

  static Set<String> metricsIn(List<String> expressions) {
    Set<String> metrics = new TreeSet<>();
    expressions.forEach(expression -> metrics.addAll(metricsIn(expression)));
    return metrics;
  }
}
