package com.bellyfed.write;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class WriteArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses WRITE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(ServiceRules.NO_SPRING_AOT_CLASSES).importPath(Path.of("target/classes"));

  @Test
  void featuresDoNotDependOnEachOther() {
    slices().matching("com.bellyfed.write.(users|restaurants|reviews|ratings)..").should().notDependOnEachOther().check(WRITE);
  }

  @Test
  void featuresDoNotDependOnTheirAdapters() {
    noClasses().that().resideInAnyPackage(
            "com.bellyfed.write.users", "com.bellyfed.write.restaurants", "com.bellyfed.write.reviews", "com.bellyfed.write.ratings")
        .should().dependOnClassesThat().resideInAnyPackage("com.bellyfed.write..web..", "com.bellyfed.write..messaging..")
        .check(WRITE);
  }

  @Test
  void theWritePathKnowsNothingOfHttpAdapters() {
    noClasses().that().resideInAPackage("com.bellyfed.write.writing..")
        .should().dependOnClassesThat().resideInAnyPackage("com.bellyfed.write.web..", "com.bellyfed.write.users..",
            "com.bellyfed.write.restaurants..", "com.bellyfed.write.reviews..", "com.bellyfed.write.ratings..")
        .check(WRITE);
  }

  @Test
  void onlyTheOutboxPathPublishesEvents() {
    // Domain events leave through the outbox (DomainWrites); nobody calls the publisher or PutEvents directly.
    noClasses()
        .should().dependOnClassesThat().haveFullyQualifiedName("com.bellyfed.events.publishing.EventPublisher")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("software.amazon.awssdk.services.eventbridge.EventBridgeClient")
        .check(WRITE);
  }

  @Test
  void controllersStayPackagePrivate() {
    classes().that().haveSimpleNameEndingWith("Controller").should().notBePublic().check(WRITE);
  }

  @Test
  void buildsNoJsonMapperOfItsOwn() {
    ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN.check(WRITE);
  }


  @Test
  void webTypesUseNoJackson2() {
    ServiceRules.WEB_TYPES_USE_NO_JACKSON_2.check(WRITE);
  }

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(WRITE);
  }

  @Test
  void usesNoJackson2() {
    ServiceRules.USES_NO_JACKSON_2.check(WRITE);
  }
}
