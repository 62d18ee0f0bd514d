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

  // Output of JDK 17's `jcmd <pid> Compiler.queue`, taken from local-aws during its start-up: the first line is the pid,
  // a compile in progress is listed under its compiler thread and is not queued.
  private static final String QUEUE = """
      5761:
      Current compiles:\s
      C2 CompilerThread0  1821   !   4       jdk.internal.loader.BuiltinClassLoader::loadClassOrNull (143 bytes)

      C1 compile queue:
      1901       3       java.lang.String::isLatin1 (19 bytes)

      C2 compile queue:
      1831       4       jdk.internal.org.objectweb.asm.MethodWriter::visitCode (1 bytes)
      1832       4       java.lang.invoke.MethodType::hashCode (53 bytes)
      1878       4       java.util.AbstractCollection::isEmpty (13 bytes)

      """;

  @Test
  void countsTheTasksOfBothCompileQueues() {
    assertThat(JitCompilers.queuedTasks(QUEUE)).isEqualTo(4);
  }

  @Test
  void emptyQueuesHoldNoTasks() {
    assertThat(JitCompilers.queuedTasks("5761:\nCurrent compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n")).isZero();
  }

  @Test
  void asksALiveJvmAndGivesNoCountForAMissingOne() {
    assertThat(JitCompilers.queued(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
    assertThat(JitCompilers.queued(Integer.MAX_VALUE)).isEqualTo(-1);
  }
}
