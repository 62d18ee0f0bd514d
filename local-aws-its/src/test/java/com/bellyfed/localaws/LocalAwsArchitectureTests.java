package com.bellyfed.localaws;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class LocalAwsArchitectureTests {

  // local-aws's main classes, read from its target/classes: scanning the class path for the package costs seconds.
  // The test lives here, not in local-aws, so that local-aws needs no test-support and starts as soon as the topology
  // is built (decision 66).
  private static final JavaClasses LOCAL_AWS = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(Path.of("../local-aws/target/classes"));

  // Decision 30. Event Ruler reads events as text here (its tree API takes Jackson 2 nodes), and
  // JsonPath walks maps and lists (PlainJsonProvider) instead of its Jackson 2 node provider.
  @Test
  void usesNoJackson2() {
    ServiceRules.USES_NO_JACKSON_2.check(LOCAL_AWS);
  }
}
