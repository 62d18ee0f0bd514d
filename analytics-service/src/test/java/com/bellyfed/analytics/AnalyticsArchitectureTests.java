package com.bellyfed.analytics;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The analytics-service's structure: features with adapters one level down, and no cycles. */
class AnalyticsArchitectureTests {

  // The module's own classes only: scanning the class path for the package takes a minute here.
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(Path.of("target/classes"));

  @Test
  void featuresDoNotDependOnEachOthersAdapters() {
    noClasses().that().resideOutsideOfPackages("..web..", "..messaging..")
        .should().dependOnClassesThat().resideInAnyPackage("com.bellyfed.analytics.*.web..", "com.bellyfed.analytics.*.messaging..")
        .check(CLASSES);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("com.bellyfed.analytics.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void onlyAdaptersTalkHttpOrSqsListenerAnnotations() {
    classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .should().resideInAPackage("..web").andShould().notBePublic().check(CLASSES);
    classes().that().haveSimpleNameEndingWith("Listener")
        .should().resideInAPackage("..messaging").andShould().notBePublic().check(CLASSES);
  }

  @Test
  void buildsNoJsonMapperOfItsOwn() {
    // One Jackson for JSON: the Spring-managed JsonMapper, injected; event-shaped JSON goes through
    // common-events' EnvelopeJson, which holds the event library's one Jackson 2 mapper.
    noClasses()
        .should().callConstructorWhere(target(owner(assignableTo("tools.jackson.databind.ObjectMapper"))))
        .orShould().callConstructorWhere(target(owner(assignableTo("com.fasterxml.jackson.databind.ObjectMapper"))))
        .orShould().callMethod("tools.jackson.databind.json.JsonMapper", "builder")
        .check(CLASSES);
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
        .check(CLASSES);
  }
}
