package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteReportTests {

  @Test
  void eachVerdictIsOneRowOfScenarioTargetMeasuredBaselineRatioAndVerdict() {
    List<List<String>> rows = SuiteReport.table(List.of(Verdict.under("Cross-domain latency", "p95 < 250 ms", 300, 250, "ms", "raw p95 4.0 ms")));

    assertThat(rows).containsExactly(List.of("Cross-domain latency", "p95 < 250 ms", "300 ms", "raw p95 4.0 ms", "1.20", "missed by 50 ms (+20%)"));
  }

  @Test
  void aSaturatedMachineIsNamedAsTheBoundWithItsBusiestProcess() {
    CpuShares.Phase phase = new CpuShares.Phase(60, Map.of("local-aws", 0.9, "write-service", 0.6, "benchmark (load)", 0.2), 0.97, 2);

    assertThat(SuiteReport.bound(phase)).startsWith("The machine's 2 cores were 97% busy, so the flow was bound by CPU")
        .contains("used 1.70 cores, most of them local-aws (0.90), and other work on the machine 0.24");
  }

  @Test
  void anIdleMachineMeansTheFlowWaited() {
    CpuShares.Phase phase = new CpuShares.Phase(60, Map.of("write-service", 0.3), 0.4, 2);

    assertThat(SuiteReport.bound(phase)).contains("40% busy, so CPU alone did not bound it");
  }

  @Test
  void theHeaderCallsTheMachineQuietOnlyWhenOtherWorkStayedUnderATenthOfItInEveryPhase() {
    CpuShares.Phase quiet = new CpuShares.Phase(60, Map.of("local-aws", 1.0, "query-service", 0.9), 0.99, 2);
    CpuShares.Phase busy = new CpuShares.Phase(60, Map.of("local-aws", 0.8, "query-service", 0.6), 0.95, 2);

    assertThat(SuiteReport.otherWork(List.of(quiet, quiet), 2))
        .isEqualTo("Other work on the machine took at most 0.08 cores (4% of the machine) in any phase: a quiet machine. "
            + "The profiles below show it as *other work*.");
    assertThat(SuiteReport.otherWork(List.of(quiet, busy), 2))
        .startsWith("**Other work on the machine took at most 0.50 cores (25% of the machine) in any phase**: the figures compete");
  }
}
