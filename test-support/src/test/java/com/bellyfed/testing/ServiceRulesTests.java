package com.bellyfed.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared structure rules catch what they name whether or not a module lets ArchUnit resolve library classes
 * from the class path (write-service's {@code archunit.properties} does not, to import faster; then
 * {@code new JsonMapper()} went unnoticed).
 */
class ServiceRulesTests {

  private boolean resolving;

  @BeforeEach
  void remember() {
    resolving = ArchConfiguration.get().resolveMissingDependenciesFromClassPath();
  }

  @AfterEach
  void restore() {
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(resolving);
  }

  @ParameterizedTest(name = "resolving library classes: {0}")
  @ValueSource(booleans = {true, false})
  void aJsonMapperBuiltByHandBreaksTheRule(boolean resolve) {
    assertThat(violations(ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN, resolve, NewJsonMapper.class)).contains("JsonMapper.<init>");
    assertThat(violations(ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN, resolve, NewObjectMapper.class)).contains("ObjectMapper.<init>");
    assertThat(violations(ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN, resolve, JsonMapperBuilder.class)).contains("JsonMapper.builder()");
  }

  @ParameterizedTest(name = "resolving library classes: {0}")
  @ValueSource(booleans = {true, false})
  void aBreakerBuiltByHandBreaksTheRule(boolean resolve) {
    assertThat(violations(ServiceRules.BUILDS_NO_BREAKER_OR_RETRY_BY_HAND, resolve, BreakerOfItsOwn.class)).contains("CircuitBreaker.ofDefaults");
  }

  @ParameterizedTest(name = "resolving library classes: {0}")
  @ValueSource(booleans = {true, false})
  void anInjectedMapperIsFine(boolean resolve) {
    assertThat(violations(ServiceRules.BUILDS_NO_JSON_MAPPER_OF_ITS_OWN, resolve, InjectedMapper.class)).isEmpty();
  }

  private static String violations(ArchRule rule, boolean resolve, Class<?> fixture) {
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(resolve);
    JavaClasses classes = new ClassFileImporter().importClasses(fixture);
    return String.join("\n", rule.allowEmptyShould(true).evaluate(classes).getFailureReport().getDetails());
  }

  static class NewJsonMapper {
    Object mapper() {
      return new JsonMapper();
    }
  }

  static class NewObjectMapper {
    Object mapper() {
      return new ObjectMapper();
    }
  }

  static class JsonMapperBuilder {
    Object mapper() {
      return JsonMapper.builder().build();
    }
  }

  static class BreakerOfItsOwn {
    Object breaker() {
      return CircuitBreaker.ofDefaults("by-hand");
    }
  }

  static class InjectedMapper {
    private final JsonMapper mapper;

    InjectedMapper(JsonMapper mapper) {
      this.mapper = mapper;
    }

    String write(Object value) {
      return mapper.writeValueAsString(value);
    }
  }
}
