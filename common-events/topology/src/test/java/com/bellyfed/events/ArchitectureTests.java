package com.bellyfed.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class ArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses COMMON_EVENTS =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(Path.of("target/classes"));

  @Test
  void dependsOnNoService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.bellyfed.query..", "com.bellyfed.write..", "com.bellyfed.imports..", "com.bellyfed.analytics..", "com.bellyfed.localaws..")
        .check(COMMON_EVENTS);
  }

  @Test
  void namingRulesDependOnNothingElseOfTheLibrary() {
    noClasses()
        .that()
        .resideInAPackage("com.bellyfed.events.naming..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.bellyfed.events.topology..", "com.bellyfed.events.provisioning..")
        .check(COMMON_EVENTS);
  }

  @Test
  void topologyKnowsNothingOfTheAwsSdk() {
    noClasses()
        .that()
        .resideInAPackage("com.bellyfed.events.topology..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(COMMON_EVENTS);
  }

  // Decision 30: Jackson 3 only (this module cannot use test-support's ServiceRules, which depends on it).
  // Event Ruler still brings Jackson 2 along for itself; our classes do not touch it.
  @Test
  void usesNoJackson2() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..", "com.fasterxml.jackson.datatype..",
            "com.fasterxml.jackson.dataformat..", "com.fasterxml.jackson.module..")
        .check(COMMON_EVENTS);
  }
}
