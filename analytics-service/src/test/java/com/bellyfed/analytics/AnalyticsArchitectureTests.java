package com.bellyfed.analytics;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The analytics-service's structure: features with adapters one level down, and no cycles. */
class AnalyticsArchitectureTests {

  // The module's own classes only: scanning the class path for the package takes a minute here.
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(ServiceRules.NO_SPRING_AOT_CLASSES)
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
    ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN.check(CLASSES);
  }


  @Test
  void webTypesUseNoJackson2() {
    ServiceRules.WEB_TYPES_USE_NO_JACKSON_2.check(CLASSES);
  }

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(CLASSES);
  }
}
