package com.bellyfed.write;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class WriteArchitectureTests {

  private static final JavaClasses WRITE =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.bellyfed.write");

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
    // Domain events leave through the outbox (DomainWrites); nobody calls the publisher or PutEvents directly,
    // except the dev-only Cognito trigger, which plays the part of Cognito.
    noClasses().that().doNotHaveSimpleName("DevCognitoController")
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
    // One Jackson for JSON: the Spring-managed JsonMapper, injected; event-shaped JSON goes through
    // common-events' EnvelopeJson, which holds the event library's one Jackson 2 mapper.
    noClasses()
        .should().callConstructorWhere(target(owner(assignableTo("tools.jackson.databind.ObjectMapper"))))
        .orShould().callConstructorWhere(target(owner(assignableTo("com.fasterxml.jackson.databind.ObjectMapper"))))
        .orShould().callMethod("tools.jackson.databind.json.JsonMapper", "builder")
        .check(WRITE);
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
        .check(WRITE);
  }
}
