package com.bellyfed.imports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class ImportArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses SERVICE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(ServiceRules.NO_SPRING_AOT_CLASSES).importPath(Path.of("target/classes"));

  @Test
  void recordsKnowNeitherSpringNorJobs() {
    noClasses().that().resideInAPackage("com.bellyfed.imports.records..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.bellyfed.imports.jobs..", "com.bellyfed.imports.cli..")
        .check(SERVICE);
  }

  @Test
  void theCommandLineImporterIsPlainJavaAndStandsAlone() {
    // bellyfed-import.jar carries only the cli package and picocli, progressbar, Jackson and, to sign in, the AWS SDK's Cognito client.
    classes().that().resideInAPackage("com.bellyfed.imports.cli..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "com.bellyfed.imports.cli..", "java..", "picocli..", "me.tongfei.progressbar..", "tools.jackson..", "org.jspecify..",
            "software.amazon.awssdk..")
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
    ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN.check(SERVICE);
  }


  @Test
  void webTypesUseNoJackson2() {
    ServiceRules.WEB_TYPES_USE_NO_JACKSON_2.check(SERVICE);
  }

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(SERVICE);
  }

  @Test
  void usesNoJackson2() {
    ServiceRules.USES_NO_JACKSON_2.check(SERVICE);
  }
}
