package com.bellyfed.events.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTests {

  @Test
  void buildsBusNames() {
    assertThat(Names.bus(BusCategory.DOMAIN, "user", Environment.DEV))
        .isEqualTo("bellyfed-domain-user-dev");
    assertThat(Names.bus(BusCategory.INFRA, "system", Environment.STAGING))
        .isEqualTo("bellyfed-infra-system-staging");
    assertThat(Names.analyticsBus(Environment.PROD)).isEqualTo("bellyfed-analytics-prod");
  }

  @Test
  void buildsQueueAndDeadLetterQueueNames() {
    assertThat(Names.queue("import", Environment.DEV)).isEqualTo("dev-import-queue");
    assertThat(Names.deadLetterQueue("import", Environment.DEV)).isEqualTo("dev-import-dlq");
  }

  @Test
  void buildsRuleNames() {
    assertThat(Names.rule("rating", "restaurant", Environment.DEV))
        .isEqualTo("dev-rating-restaurant-rule");
  }

  @Test
  void buildsTableNames() {
    assertThat(Names.table("users", Environment.STAGING)).isEqualTo("bellyfed-users-staging");
  }

  @Test
  void acceptsNamesItBuilds() {
    assertThat(Names.checkBus("bellyfed-domain-user-dev", Environment.DEV)).isNull();
    assertThat(Names.checkBus("bellyfed-analytics-prod", Environment.PROD)).isNull();
    assertThat(Names.checkQueue("dev-import-queue", Environment.DEV)).isNull();
    assertThat(Names.checkDeadLetterQueue("dev-import-dlq", Environment.DEV)).isNull();
    assertThat(Names.checkRule("dev-rating-restaurant-rule", Environment.DEV)).isNull();
    assertThat(Names.checkTable("bellyfed-users-staging", Environment.STAGING)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bellyfed-user-dev",
        "bellyfed-domain-dev",
        "bellyfed-payments-user-dev",
        "bellyfed-domain-user",
        "Bellyfed-domain-user-dev"
      })
  void rejectsBusNamesNotFollowingConvention(String name) {
    assertThat(Names.checkBus(name, Environment.DEV))
        .isEqualTo("name does not follow bellyfed-{domain|infra}-{domain}-{env}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev-import-q", "import-queue", "dev-import-dlq", "dev-Import-queue"})
  void rejectsQueueNamesNotFollowingConvention(String name) {
    assertThat(Names.checkQueue(name, Environment.DEV))
        .isEqualTo("name does not follow {env}-{flow}-queue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev-import-queue", "import-dlq", "dev-dlq"})
  void rejectsDeadLetterQueueNamesNotFollowingConvention(String name) {
    assertThat(Names.checkDeadLetterQueue(name, Environment.DEV))
        .isEqualTo("name does not follow {env}-{flow}-dlq");
  }

  @ParameterizedTest
  @ValueSource(strings = {"import-rule", "dev-rule", "dev-rating-restaurant"})
  void rejectsRuleNamesNotFollowingConvention(String name) {
    assertThat(Names.checkRule(name, Environment.DEV))
        .isEqualTo("name does not follow {env}-{flow}-{bus-domain}-rule");
  }

  @ParameterizedTest
  @ValueSource(strings = {"users", "bellyfed-users", "users-dev", "bellyfed-Users-dev"})
  void rejectsTableNamesNotFollowingConvention(String name) {
    assertThat(Names.checkTable(name, Environment.DEV))
        .isEqualTo("name does not follow bellyfed-{table}-{env}");
  }

  @Test
  void rejectsNamesOfAnotherEnvironment() {
    String expected = "name does not carry the environment 'dev'";

    assertThat(Names.checkBus("bellyfed-domain-user-prod", Environment.DEV)).isEqualTo(expected);
    assertThat(Names.checkQueue("staging-import-queue", Environment.DEV)).isEqualTo(expected);
    assertThat(Names.checkDeadLetterQueue("staging-import-dlq", Environment.DEV))
        .isEqualTo(expected);
    assertThat(Names.checkRule("prod-rating-restaurant-rule", Environment.DEV))
        .isEqualTo(expected);
    assertThat(Names.checkTable("bellyfed-users-staging", Environment.DEV)).isEqualTo(expected);
  }

  @Test
  void rejectsRuleNameLongerThanSixtyFourCharacters() {
    String name =
        Names.rule(
            "restaurant-review-moderation-notification", "restaurant", Environment.STAGING);

    assertThat(name).hasSizeGreaterThan(64).matches(Names.RULE);
    assertThat(Names.checkRule(name, Environment.STAGING))
        .isEqualTo("name is longer than the AWS limit of 64 characters");
  }

  @Test
  void acceptsRuleNameOfExactlySixtyFourCharacters() {
    String flow = "f".repeat(64 - "dev--restaurant-rule".length());
    String name = Names.rule(flow, "restaurant", Environment.DEV);

    assertThat(name).hasSize(64);
    assertThat(Names.checkRule(name, Environment.DEV)).isNull();
  }

  @Test
  void rejectsQueueNameLongerThanEightyCharacters() {
    String name = Names.queue("q".repeat(80), Environment.DEV);

    assertThat(Names.checkQueue(name, Environment.DEV))
        .isEqualTo("name is longer than the AWS limit of 80 characters");
  }
}
