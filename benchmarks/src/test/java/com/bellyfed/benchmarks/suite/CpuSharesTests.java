package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuSharesTests {

  @Test
  void eachProcessGetsItsCoresAndTheRestOfTheMachineIsOtherWork() {
    CpuShares.Snapshot before = new CpuShares.Snapshot(0, Map.of("local-aws", 0L, "write-service", 0L), 1000, 2000);
    // 10 s: local-aws 8 CPU-seconds, write-service 4; the machine 90% busy of 2 cores.
    CpuShares.Snapshot after = new CpuShares.Snapshot(10_000_000_000L, Map.of("local-aws", 8_000_000_000L, "write-service", 4_000_000_000L), 1900, 3000);

    CpuShares.Phase phase = CpuShares.between(before, after, 2);

    assertThat(phase.cores().get("local-aws")).isCloseTo(0.8, within(1e-9));
    assertThat(phase.cores().get("write-service")).isCloseTo(0.4, within(1e-9));
    assertThat(phase.machineBusy()).isCloseTo(0.9, within(1e-9));
    assertThat(phase.others()).isCloseTo(0.6, within(1e-9));
    assertThat(phase.busiest()).isEqualTo("local-aws");
    assertThat(phase.describe()).startsWith("local-aws 0.80 cores (40%), write-service 0.40 cores (20%)")
        .endsWith("other work on the machine 0.60 (30%); all 2 cores 90% busy");
  }

  @Test
  void twoPhasesWeighByTheirLength() {
    CpuShares.Phase a = new CpuShares.Phase(10, Map.of("query", 1.0), 0.5, 2);
    CpuShares.Phase b = new CpuShares.Phase(30, Map.of("query", 0.2), 1.0, 2);

    CpuShares.Phase both = a.plus(b);

    assertThat(both.wallSeconds()).isEqualTo(40);
    assertThat(both.cores().get("query")).isCloseTo(0.4, within(1e-9));
    assertThat(both.machineBusy()).isCloseTo(0.875, within(1e-9));
  }

  @Test
  void procStatCountsIdleAndIowaitAsNotBusy() {
    long[] busyTotal = CpuShares.parseStat("cpu  100 5 50 800 40 3 2 0 0 0");

    assertThat(busyTotal).containsExactly(160, 1000);
  }
}
