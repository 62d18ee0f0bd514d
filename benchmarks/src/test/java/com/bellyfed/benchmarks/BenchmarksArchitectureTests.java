package com.bellyfed.benchmarks;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The benchmarks measure the runtime as the services wire it, so they build no breaker of their own either. */
class BenchmarksArchitectureTests {

  private static final JavaClasses BENCHMARKS =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.bellyfed.benchmarks");

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(BENCHMARKS);
  }
}
