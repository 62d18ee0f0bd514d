package com.bellyfed.testing;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure rules every service's architecture test checks on its main classes (issue 17): one
 * Jackson in the web layer, no Jackson 2 anywhere, no mapper of its own, no breaker or retry built
 * by hand. Types are named by string so that this artifact needs neither Jackson 2 nor Resilience4j.
 */
public final class ServiceRules {

  private ServiceRules() {}

  /**
   * Leaves out what Spring AOT generated into target/classes ({@code X__BeanDefinitions}, {@code X__Autowiring},
   * build-time CGLIB proxies), which {@code build-images.sh}'s {@code -Pspring-aot} build leaves there: Spring's
   * wiring of our classes, which names every bean's dependencies, not code of ours the rules are about.
   */
  public static final ImportOption NO_SPRING_AOT_CLASSES =
      location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$");

  /** ObjectMapper and its format subclasses (JsonMapper, YAMLMapper, ...) of either Jackson, known by name alone. */
  private static final DescribedPredicate<JavaClass> JACKSON_MAPPER_BY_NAME =
      nameMatching("(tools|com\\.fasterxml)\\.jackson\\.(databind|dataformat)\\.([a-z]+\\.)*[A-Za-z]*Mapper")
          .as("a Jackson mapper by name").forSubtype();

  public static final ArchRule WEB_TYPES_USE_NO_JACKSON_2 = noClasses()
      .that()
      .resideInAPackage("..web..")
      .or()
      .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage(
          "com.fasterxml.jackson.core..",
          "com.fasterxml.jackson.databind..",
          "com.fasterxml.jackson.datatype..",
          "com.fasterxml.jackson.dataformat..",
          "com.fasterxml.jackson.module..")
      .because("web records and controllers are written and read by Spring Boot's one Jackson 3 mapper (tools.jackson); "
          + "only com.fasterxml.jackson.annotation, which Jackson 3 shares, is allowed");

  /**
   * By name as well as by type: where a module's {@code archunit.properties} turns off resolving library classes
   * from the class path (it makes the import several times faster), {@code JsonMapper} is known only by its name,
   * without its superclass, and {@code new JsonMapper()} passed the assignable-to-ObjectMapper check unnoticed.
   */
  public static final ArchRule BUILDS_NO_JSON_MAPPER_OF_ITS_OWN = noClasses()
      .should().callConstructorWhere(target(owner(assignableTo("tools.jackson.databind.ObjectMapper"))))
      .orShould().callConstructorWhere(target(owner(assignableTo("com.fasterxml.jackson.databind.ObjectMapper"))))
      .orShould().callConstructorWhere(target(owner(JACKSON_MAPPER_BY_NAME)))
      .orShould().callMethod("tools.jackson.databind.json.JsonMapper", "builder")
      .because("one Jackson for JSON: the Spring-managed JsonMapper, injected; event-shaped JSON goes through "
          + "common-events' EnvelopeJson, whose mapper is that one with the envelope's wire settings pinned");

  /**
   * No Jackson 2 in our code (decision 30): its databind, core, datatype, dataformat and module
   * packages. Annotations (com.fasterxml.jackson.annotation) are Jackson 3's too and stay allowed;
   * a library may still bring Jackson 2 along for itself (Event Ruler does).
   */
  public static final ArchRule USES_NO_JACKSON_2 = noClasses()
      .that()
      .resideInAPackage("com.bellyfed..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage(
          "com.fasterxml.jackson.databind..",
          "com.fasterxml.jackson.core..",
          "com.fasterxml.jackson.datatype..",
          "com.fasterxml.jackson.dataformat..",
          "com.fasterxml.jackson.module..")
      .because("one Jackson version: Jackson 3 (tools.jackson), whose version Spring Boot manages; "
          + "only com.fasterxml.jackson.annotation, which Jackson 3 shares, is allowed");

  public static final ArchRule BUILDS_NO_BREAKER_OR_RETRY_BY_HAND = noClasses()
      .should().callMethodWhere(target(owner(assignableTo("io.github.resilience4j.circuitbreaker.CircuitBreaker")))
          .and(target(name("of").or(name("ofDefaults")))))
      .orShould().callMethodWhere(target(owner(assignableTo("io.github.resilience4j.circuitbreaker.CircuitBreakerConfig")))
          .and(target(name("custom").or(name("ofDefaults")))))
      .orShould().callMethodWhere(target(owner(assignableTo("io.github.resilience4j.retry.Retry")))
          .and(target(name("of").or(name("ofDefaults")))))
      .orShould().callMethodWhere(target(owner(assignableTo("io.github.resilience4j.retry.RetryConfig")))
          .and(target(name("custom").or(name("ofDefaults")))))
      .orShould().callMethodWhere(target(owner(assignableTo("io.github.resilience4j.ratelimiter.RateLimiter")))
          .and(target(name("of").or(name("ofDefaults")))))
      .because("breakers, retries and rate limiters are declared under resilience4j.* and taken from the starter's "
          + "registries (kit.resilience.Declared), so that they can be tuned by configuration and are visible at "
          + "/actuator/circuitbreakers and in the metrics");
}
