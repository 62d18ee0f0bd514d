package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.benchmarks.localaws.Throughput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class GetByIdTests {

  @Test
  void anyJvmWithALongCompileQueueHoldsTheMeasurementBack() {
    assertThat(GetById.backlogged(queues(12, GetById.BACKLOG, 0))).isTrue();
    assertThat(GetById.backlogged(queues(12, GetById.BACKLOG - 1, 0))).isFalse();
  }

  @Test
  void theServiceIsWarmOnlyOnceItsThroughputStoppedRising() {
    assertThat(GetById.plateaued(List.of(100.0, 150.0, 200.0))).as("too few windows to tell").isFalse();
    assertThat(GetById.plateaued(List.of(100.0, 150.0, 200.0, 260.0))).as("still rising").isFalse();
    assertThat(GetById.plateaued(List.of(500.0, 520.0, 515.0, 530.0))).as("within 5%").isTrue();
    assertThat(GetById.plateaued(List.of(600.0, 640.0, 560.0, 580.0))).as("a dip counts as flat").isTrue();
  }

  @Test
  void aJvmThatCouldNotBeAskedHoldsNothingBack() {
    assertThat(GetById.backlogged(queues(-1, -1, -1))).isFalse();
  }

  @Test
  void theReportNamesEachKnownQueue() {
    assertThat(SuiteReport.queued(queues(3, 1_250, -1))).isEqualTo("query-service 3, local-aws 1,250");
    assertThat(SuiteReport.queued(queues(-1, -1, -1))).isEqualTo("not known (no jcmd)");
  }

  private static Map<String, Integer> queues(int query, int localAws, int analytics) {
    Map<String, Integer> queued = new LinkedHashMap<>();
    queued.put("query-service", query);
    queued.put("local-aws", localAws);
    queued.put("analytics-service", analytics);
    return queued;
  }

  @Test
  void cpuPerCallIsEachProcesssCoresOverTheSidesRate() {
    // Raw: 2,000 calls/s with local-aws at 0.5 cores and the load at 0.3; service: 200 calls/s with query-service at
    // 0.4 cores, local-aws at 0.6 and analytics-service at 0.8.
    Throughput raw = new Throughput(20_000, 20_000, 0, Duration.ofSeconds(10), new Histogram(3), null);
    Throughput service = new Throughput(2_000, 2_000, 0, Duration.ofSeconds(10), new Histogram(3), null);
    CpuShares.Phase rawCpu = new CpuShares.Phase(10, cores(0, 0.5, 0, 0.3), 1, 2);
    CpuShares.Phase serviceCpu = new CpuShares.Phase(10, cores(0.4, 0.6, 0.8, 0.1), 1, 2);
    GetById.Result result = new GetById.Result(raw, service, serviceCpu, rawCpu, null, new Timeline(), new Timeline());

    assertThat(SuiteReport.cpuPerCall(result)).containsExactly(
        List.of("query-service", "0.000", "2.000"),
        List.of("local-aws", "0.250", "3.000"),
        List.of("analytics-service", "0.000", "4.000"),
        List.of("benchmark (load)", "0.150", "0.500"),
        List.of("**all of the suite and the load**", "**0.400**", "**9.500**"));
  }

  private static Map<String, Double> cores(double query, double localAws, double analytics, double load) {
    Map<String, Double> cores = new LinkedHashMap<>();
    cores.put("query-service", query);
    cores.put("local-aws", localAws);
    cores.put("analytics-service", analytics);
    cores.put("benchmark (load)", load);
    return cores;
  }
}
