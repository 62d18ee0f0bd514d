package com.bellyfed.analytics.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The metric-name parser the names check relies on: it must find every name and nothing else. */
class MonitoringFilesTests {

  @Test
  void findsTheMetricsOfAnExpressionAndNoFunctionKeywordLabelOrDuration() {
    assertThat(MonitoringFiles.metricsIn(
        "histogram_quantile(0.95, sum by (application, uri, le) (rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[5m])))"))
        .containsExactly("http_server_requests_seconds_bucket");
    assertThat(MonitoringFiles.metricsIn(
        "sum by (service) (rate(a_total{status=\"FAILURE\"}[5m])) / sum by (service) (rate(a_total[5m])) > 0.01"))
        .containsExactly("a_total");
    assertThat(MonitoringFiles.metricsIn("absent(up{job=\"query-service\"} == 1)")).containsExactly("up");
    assertThat(MonitoringFiles.metricsIn("max by (environment) (b_ms) / 1000 and on (job) c offset 5m"))
        .containsExactly("b_ms", "c");
  }

  @Test
  void readsOneLineAndBlockExpressionsOfTheRules() throws Exception {
    Path rules = MonitoringFiles.root().resolve("prometheus/bellyfed-alerts.yml");

    assertThat(MonitoringFiles.ruleExpressions(rules))
        .hasSize(15)
        .contains("max by (queue, flow) (bellyfed_dlq_messages) > 0")
        .anySatisfy(block -> assertThat(block).contains("status=\"FAILURE\"").contains("> 0.01"));
  }
}
