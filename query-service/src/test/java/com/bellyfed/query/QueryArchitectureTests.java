package com.bellyfed.query;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.bellyfed.testing.ServiceRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.nio.file.Path;

class QueryArchitectureTests {

  // The module's own main classes, read from target/classes: scanning the class path for the package costs seconds.
  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(ServiceRules.NO_SPRING_AOT_CLASSES).importPath(Path.of("target/classes"));

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
    ServiceRules.WEB_TYPES_USE_NO_JACKSON_2.check(MAIN);
  }


  @Test
  void buildsNoJsonMapperOfItsOwn() {
    ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN.check(MAIN);
  }

  @Test
  void buildsNoBreakerOrRetryByHand() {
    ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND.check(MAIN);
  }
}
