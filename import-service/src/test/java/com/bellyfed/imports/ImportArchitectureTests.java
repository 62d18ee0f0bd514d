package com.bellyfed.imports;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ImportArchitectureTests {

  private static final JavaClasses SERVICE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.bellyfed.imports");

  @Test
  void recordsKnowNeitherSpringNorJobs() {
    noClasses().that().resideInAPackage("com.bellyfed.imports.records..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.bellyfed.imports.jobs..", "com.bellyfed.imports.cli..")
        .check(SERVICE);
  }

  @Test
  void theCommandLineImporterIsPlainJavaAndStandsAlone() {
    // bellyfed-import.jar carries only the cli package and picocli, progressbar and Jackson.
    classes().that().resideInAPackage("com.bellyfed.imports.cli..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "com.bellyfed.imports.cli..", "java..", "picocli..", "me.tongfei.progressbar..", "tools.jackson..", "org.jspecify..")
        .check(SERVICE);
  }

  @Test
  void adaptersAreReachedOnlyByTheFramework() {
    noClasses().that().resideOutsideOfPackages("com.bellyfed.imports.jobs.web..")
        .should().dependOnClassesThat().resideInAPackage("com.bellyfed.imports.jobs.web..")
        .check(SERVICE);
    noClasses().that().resideOutsideOfPackages("com.bellyfed.imports.jobs.messaging..")
        .should().dependOnClassesThat().resideInAPackage("com.bellyfed.imports.jobs.messaging..")
        .check(SERVICE);
  }

  @Test
  void theJobsFeatureDoesNotReachIntoItsAdapters() {
    noClasses().that().resideInAPackage("com.bellyfed.imports.jobs")
        .should().dependOnClassesThat().resideInAnyPackage("com.bellyfed.imports.jobs.web..", "com.bellyfed.imports.jobs.messaging..")
        .check(SERVICE);
  }

  @Test
  void buildsNoJsonMapperOfItsOwn() {
    // One Jackson for JSON: the Spring-managed JsonMapper, injected; event-shaped JSON goes through
    // common-events' EnvelopeJson, which holds the event library's one Jackson 2 mapper.
    noClasses()
        .should().callConstructorWhere(target(owner(assignableTo("tools.jackson.databind.ObjectMapper"))))
        .orShould().callConstructorWhere(target(owner(assignableTo("com.fasterxml.jackson.databind.ObjectMapper"))))
        .orShould().callMethod("tools.jackson.databind.json.JsonMapper", "builder")
        .check(SERVICE);
  }

  @Test
  void webTypesUseNoJackson2() {
    noClasses()
        .that()
        .resideInAPackage("..web..")
        .or()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson.core..",
            "com.fasterxml.jackson.databind..",
            "com.fasterxml.jackson.datatype..",
            "com.fasterxml.jackson.dataformat..",
            "com.fasterxml.jackson.module..")
        .because("web records and controllers are written and read by Spring Boot's one Jackson 3 mapper (tools.jackson); "
            + "only com.fasterxml.jackson.annotation, which Jackson 3 shares, is allowed")
        .check(SERVICE);
  }
}
