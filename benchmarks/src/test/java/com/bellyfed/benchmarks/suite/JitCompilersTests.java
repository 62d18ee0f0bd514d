package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitCompilersTests {

  // Shape of proc(5)'s /proc/<pid>/task/<tid>/stat: pid, (comm), state, then utime at field 14 and stime at 15.
  private static final String C2 = "4711 (C2 CompilerThre) S 4700 4700 12 0 -1 1077936192 90 0 0 0 1988 17 0 0 20 0 31 0 2710 0 0";
  private static final String ODD_NAME = "4712 (a (b) c) R 4700 4700 12 0 -1 1077936192 90 0 0 0 5 6 0 0 20 0 31 0 2710 0 0";

  @Test
  void readsUserPlusSystemTicks() {
    assertThat(JitCompilers.cpuTicks(C2)).isEqualTo(1988 + 17);
  }

  @Test
  void aThreadNameMayHoldSpacesAndParentheses() {
    assertThat(JitCompilers.name(ODD_NAME)).isEqualTo("a (b) c");
    assertThat(JitCompilers.cpuTicks(ODD_NAME)).isEqualTo(11);
  }

  @Test
  void countsOnlyHotSpotsCompilerThreads() {
    assertThat(JitCompilers.isCompiler(JitCompilers.name(C2))).isTrue();
    assertThat(JitCompilers.isCompiler("C1 CompilerThre")).isTrue();
    assertThat(JitCompilers.isCompiler("http-nio-127.0.")).isFalse();
    assertThat(JitCompilers.isCompiler("GC Thread#0")).isFalse();
  }
}
