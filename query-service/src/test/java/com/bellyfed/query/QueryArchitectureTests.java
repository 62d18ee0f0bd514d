package com.bellyfed.query;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class QueryArchitectureTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.bellyfed.query");

  @Test
  void nothingScansATable() {
    DescribedPredicate<JavaClass> dynamoDb = resideInAPackage("software.amazon.awssdk.services.dynamodb..");
    noClasses()
        .should()
        .callMethodWhere(target(owner(dynamoDb)).and(target(name("scan").or(name("scanPaginator")))))
        .orShould()
        .dependOnClassesThat(dynamoDb.and(simpleNameStartingWith("Scan")))
        .because("every request path is a GetItem or a Query on a key or an index (docs/data-model.md)")
        .check(MAIN);
  }

  @Test
  void onlyTheStoreTalksToDynamoDb() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.bellyfed.query.storage..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(DynamoDbClient.class)
        .because("the store puts the timeouts and the circuit breaker around every read")
        .check(MAIN);
  }

  @Test
  void featuresDoNotReachIntoEachOthersWebAdapters() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.bellyfed.query.restaurants.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.bellyfed.query.restaurants.web..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAnyPackage("com.bellyfed.query.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.bellyfed.query.restaurants..", "com.bellyfed.query.reviews..", "com.bellyfed.query.users..")
        .because("storage serves the features, never the other way round")
        .check(MAIN);
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
        .check(MAIN);
  }

  @Test
  void buildsNoJsonMapperOfItsOwn() {
    // One Jackson for JSON: the Spring-managed JsonMapper, injected; event-shaped JSON goes through
    // common-events' EnvelopeJson, which holds the event library's one Jackson 2 mapper.
    noClasses()
        .should().callConstructorWhere(target(owner(assignableTo("tools.jackson.databind.ObjectMapper"))))
        .orShould().callConstructorWhere(target(owner(assignableTo("com.fasterxml.jackson.databind.ObjectMapper"))))
        .orShould().callMethod("tools.jackson.databind.json.JsonMapper", "builder")
        .check(MAIN);
  }
}
