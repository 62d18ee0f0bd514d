package com.bellyfed.events.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.naming.Environment;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BellyfedTopologyTests {

  private static final List<String> FLOWS =
      List.of("user-signup", "import", "analytics", "rating", "error", "archive");

  private final Topology topology = Topology.bellyfed(Environment.DEV);

  @Test
  void hasTheSixBusesOfTheDesign() {
    assertThat(topology.buses())
        .extracting(EventBusDefinition::name)
        .containsExactlyInAnyOrder(
            "bellyfed-domain-user-dev",
            "bellyfed-domain-auth-dev",
            "bellyfed-domain-restaurant-dev",
            "bellyfed-infra-system-dev",
            "bellyfed-infra-error-dev",
            "bellyfed-analytics-dev");
    assertThat(topology.bus("analytics").name()).isEqualTo("bellyfed-analytics-dev");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user-signup", "import", "analytics", "rating", "error", "archive"})
  void hasQueueAndDeadLetterQueueForEachFlow(String flow) {
    QueueDefinition queue = topology.queue(flow);
    QueueDefinition deadLetter = topology.deadLetterQueue(flow);

    assertThat(queue.name()).isEqualTo("dev-" + flow + "-queue");
    assertThat(queue.deadLetter()).isFalse();
    assertThat(queue.redrive())
        .isEqualTo(new QueueDefinition.RedrivePolicy("dev-" + flow + "-dlq", 3));
    assertThat(deadLetter.name()).isEqualTo("dev-" + flow + "-dlq");
    assertThat(deadLetter.deadLetter()).isTrue();
    assertThat(deadLetter.redrive()).isNull();
  }

  @Test
  void hasNoQueuesBeyondTheFlows() {
    assertThat(topology.queues()).hasSize(2 * FLOWS.size());
    assertThat(topology.queues()).extracting(QueueDefinition::flow).containsOnlyElementsOf(FLOWS);
  }

  @Test
  void archivesEveryBus() {
    List<RuleDefinition> archiveRules =
        topology.rules().stream().filter(rule -> rule.flow().equals("archive")).toList();

    assertThat(archiveRules)
        .extracting(RuleDefinition::bus)
        .containsExactlyInAnyOrderElementsOf(
            topology.buses().stream().map(EventBusDefinition::name).toList());
    assertThat(archiveRules)
        .allSatisfy(
            rule ->
                assertThat(rule.targets())
                    .extracting(TargetDefinition::queue)
                    .containsExactly("dev-archive-queue"));
  }

  @Test
  void findsQueuesOfAFlow() {
    assertThat(topology.queue("rating").name()).isEqualTo("dev-rating-queue");
    assertThat(topology.deadLetterQueue("import").name()).isEqualTo("dev-import-dlq");
  }

  @Test
  void reportsMissingFlowBusOrTable() {
    assertThatThrownBy(() -> topology.queue("payment"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("payment");
    assertThatThrownBy(() -> topology.deadLetterQueue("payment"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("payment");
    assertThatThrownBy(() -> topology.bus("payment"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("payment");
    assertThatThrownBy(() -> topology.table("payments"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("payments");
  }

  @ParameterizedTest
  @ValueSource(strings = {"users", "outbox", "processed-events"})
  void hasTablesOfTheFoundation(String logicalName) {
    assertThat(topology.table(logicalName).name()).isEqualTo("bellyfed-" + logicalName + "-dev");
  }

  @Test
  void expiresProcessedEvents() {
    TableDefinition processedEvents = topology.table("processed-events");

    assertThat(processedEvents.ttlAttribute()).isEqualTo("expiresAt");
    assertThat(processedEvents.partitionKey()).isEqualTo(TableDefinition.Key.string("consumer"));
    assertThat(processedEvents.sortKey()).isEqualTo(TableDefinition.Key.string("eventId"));
  }

  @Test
  void namesEveryPartAfterItsEnvironment() {
    Topology prod = Topology.bellyfed(Environment.PROD);

    assertThat(prod.queue("rating").name()).isEqualTo("prod-rating-queue");
    assertThat(prod.bus("user").name()).isEqualTo("bellyfed-domain-user-prod");
    assertThat(prod.table("users").name()).isEqualTo("bellyfed-users-prod");
  }
}
