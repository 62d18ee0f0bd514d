package com.bellyfed.analytics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs promtool on the alert rules: the syntax check and the unit tests that show each alert
 * silent exactly at its threshold and firing past it. Skipped, saying so, where promtool is not
 * installed (Debian's prometheus package has it).
 */
class MonitoringRulesTests {

  @Test
  void alertRulesAreValidAndFireExactlyAtTheirThresholds() throws Exception {
    Path promtool = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
    if (promtool == null) {
      System.out.println("MonitoringRulesTests: promtool is not on the PATH; the promtool rule tests are SKIPPED"
          + " (install it with apt-get install prometheus to run them)");
    }
    Assumptions.assumeTrue(promtool != null, "promtool is not on the PATH: the alert rules' promtool tests are skipped");
    Path root = MonitoringFiles.root();

    String check = run(promtool.toString(), "check", "rules", root.resolve("prometheus/bellyfed-alerts.yml").toString());
    String test = run(promtool.toString(), "test", "rules", root.resolve("prometheus/tests/bellyfed-alerts.test.yml").toString());

    assertThat(check).contains("SUCCESS: 15 rules found");
    assertThat(test).contains("SUCCESS");
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }
}
