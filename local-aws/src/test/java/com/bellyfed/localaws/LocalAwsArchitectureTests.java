package com.bellyfed.localaws;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class LocalAwsArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses LOCAL_AWS =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(Path.of("target/classes"));

  // Decision 30. Event Ruler reads events as text here (its tree API takes Jackson 2 nodes), and
  // JsonPath walks maps and lists (PlainJsonProvider) instead of its Jackson 2 node provider.
  @Test
  void usesNoJackson2() {
    ServiceRules.USES_NO_JACKSON_2.check(LOCAL_AWS);
  }
}
