package com.bellyfed.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class RuntimeArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses RUNTIME =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(ServiceRules.NO_SPRING_AOT_CLASSES)
          .importPath(Path.of("target/classes"));

  @Test
  void onlyTheAutoConfigurationAndTheListenerAdapterKnowSpring() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.bellyfed.events.autoconfigure..", "com.bellyfed.events.listener..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(RUNTIME);
  }

  @Test
  void dependsOnNoServiceAndNotOnLocalAws() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.bellyfed.query..", "com.bellyfed.write..", "com.bellyfed.imports..", "com.bellyfed.analytics..", "com.bellyfed.localaws..")
        .check(RUNTIME);
  }

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(RUNTIME);
  }

  @Test
  void usesNoJackson2() {
    ServiceRules.USES_NO_JACKSON_2.check(RUNTIME);
  }

  @Test
  void buildsNoJsonMapperOfItsOwn() {
    ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN.check(RUNTIME);
  }
}
