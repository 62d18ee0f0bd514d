package com.bellyfed.benchmarks;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

/** The benchmarks measure the runtime as the services wire it, so they build no breaker of their own either. */
class BenchmarksArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses BENCHMARKS =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(Path.of("target/classes"));

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(BENCHMARKS);
  }
}
