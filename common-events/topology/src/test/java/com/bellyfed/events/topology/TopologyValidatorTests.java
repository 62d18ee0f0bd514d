package com.bellyfed.events.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.QueueDefinition.RedrivePolicy;
import com.bellyfed.events.topology.RuleDefinition.SampleEvent;
import com.bellyfed.events.topology.TableDefinition.Index;
import com.bellyfed.events.topology.TableDefinition.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyValidatorTests {

  private static final Topology DEV = Topology.bellyfed(Environment.DEV);

  @ParameterizedTest
  @EnumSource(Environment.class)
  void acceptsBellyfedTopologyOfEveryEnvironment(Environment environment) {
    Topology topology = Topology.bellyfed(environment);

    assertThat(topology.violations()).isEmpty();
    assertThat(topology.validate()).isSameAs(topology);
  }

  @Test
  void rejectsFlowWithoutDeadLetterQueue() {
    Topology broken = withoutQueue(DEV, "dev-import-dlq");

    assertViolation(broken, "flow 'import' has no dead-letter queue");
  }

  @Test
  void rejectsQueueWithoutRedrivePolicy() {
    Topology broken = withQueue(DEV, "dev-import-queue", queue -> redrive(queue, null));

    assertOnlyViolation(broken, "queue 'dev-import-queue': has no redrive policy");
  }

  @Test
  void rejectsQueueRedrivingAfterOtherThanThreeReceives() {
    Topology broken =
        withQueue(
            DEV,
            "dev-import-queue",
            queue -> redrive(queue, new RedrivePolicy("dev-import-dlq", 5)));

    assertOnlyViolation(broken, "queue 'dev-import-queue': redrives after 5 receives; expected 3");
  }

  @Test
  void rejectsQueueRedrivingToUndefinedQueue() {
    Topology broken =
        withQueue(
            DEV,
            "dev-import-queue",
            queue -> redrive(queue, new RedrivePolicy("dev-missing-dlq", 3)));

    assertOnlyViolation(
        broken, "queue 'dev-import-queue': redrives to 'dev-missing-dlq', which is not defined");
  }

  @Test
  void rejectsQueueRedrivingToQueueThatIsNotDeadLetterQueue() {
    Topology broken =
        withQueue(
            DEV,
            "dev-import-queue",
            queue -> redrive(queue, new RedrivePolicy("dev-rating-queue", 3)));

    assertOnlyViolation(
        broken,
        "queue 'dev-import-queue': redrives to 'dev-rating-queue',"
            + " which is not a dead-letter queue");
  }

  @Test
  void rejectsQueueRedrivingToDeadLetterQueueOfAnotherFlow() {
    Topology broken =
        withQueue(
            DEV,
            "dev-import-queue",
            queue -> redrive(queue, new RedrivePolicy("dev-rating-dlq", 3)));

    assertOnlyViolation(
        broken,
        "queue 'dev-import-queue': redrives to the dead-letter queue of flow 'rating',"
            + " not its own");
  }

  @Test
  void rejectsDeadLetterQueueKeepingMessagesLessThanFourteenDays() {
    Topology broken =
        withQueue(DEV, "dev-import-dlq", queue -> retention(queue, Duration.ofDays(7)));

    assertOnlyViolation(
        broken,
        "dead-letter queue 'dev-import-dlq': retention is 7 days;"
            + " dead-letter queues keep messages 14 days");
  }

  @Test
  void rejectsDeadLetterQueueWithRedrive() {
    Topology broken =
        withQueue(
            DEV,
            "dev-import-dlq",
            queue -> redrive(queue, new RedrivePolicy("dev-rating-dlq", 3)));

    assertOnlyViolation(
        broken, "dead-letter queue 'dev-import-dlq': a dead-letter queue must not redrive further");
  }

  @Test
  void rejectsRetentionBeyondSqsLimits() {
    Topology broken =
        withQueue(DEV, "dev-import-queue", queue -> retention(queue, Duration.ofDays(15)));

    assertOnlyViolation(
        broken,
        "queue 'dev-import-queue': retention must be between 60 seconds and 14 days (SQS limits)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"source\":[{\"prefix\":}]}", "{\"source\":\"not-an-array\"}"})
  void rejectsRuleWithInvalidEventPattern(String pattern) {
    Topology broken = withRule(DEV, "dev-rating-restaurant-rule", rule -> pattern(rule, pattern));

    assertOnlyViolation(broken, "rule 'dev-rating-restaurant-rule': event pattern is not valid");
  }

  @Test
  void rejectsRuleWhoseMatchingSampleDoesNotMatch() {
    Topology broken =
        withRule(
            DEV,
            "dev-user-signup-auth-rule",
            rule ->
                pattern(rule, "{\"source\":[\"bellyfed.auth\"],\"detail-type\":[\"PreSignUp\"]}"));

    assertOnlyViolation(
        broken,
        "rule 'dev-user-signup-auth-rule': sample 'a Cognito post-confirmation trigger forwarded"
            + " to the auth bus' should match but does not");
  }

  @Test
  void rejectsRuleWhoseNonMatchingSampleMatches() {
    Topology broken =
        withRule(
            DEV,
            "dev-rating-restaurant-rule",
            rule ->
                pattern(
                    rule,
                    "{\"source\":[\"bellyfed.restaurant\"],"
                        + "\"detail-type\":"
                        + "[\"ReviewCreated\",\"ReviewDeleted\",\"ReviewsImported\",\"ListingUpdated\"]}"));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule': sample 'a listing change' should not match but does");
  }

  @Test
  void rejectsRuleWithoutMatchingSample() {
    Topology broken =
        withRule(
            DEV,
            "dev-rating-restaurant-rule",
            rule -> samples(rule, rule.samples().stream().filter(s -> !s.matches()).toList()));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule': declares no sample event that its pattern matches");
  }

  @Test
  void rejectsRuleOnUndefinedBus() {
    Topology broken =
        withRule(
            DEV, "dev-rating-restaurant-rule", rule -> bus(rule, "bellyfed-domain-payment-dev"));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule': listens on bus 'bellyfed-domain-payment-dev',"
            + " which is not defined");
  }

  @Test
  void rejectsTargetToUndefinedQueue() {
    Topology broken =
        withRule(
            DEV,
            "dev-rating-restaurant-rule",
            rule -> targets(rule, TargetDefinition.toQueue("dev-payment-queue", "dev-rating-dlq")));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule' target 'dev-payment-queue':"
            + " queue 'dev-payment-queue' is not defined");
  }

  @Test
  void rejectsTargetToDeadLetterQueue() {
    Topology broken =
        withRule(
            DEV,
            "dev-rating-restaurant-rule",
            rule -> targets(rule, TargetDefinition.toQueue("dev-rating-dlq", "dev-rating-dlq")));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule' target 'dev-rating-dlq':"
            + " targets dead-letter queue 'dev-rating-dlq' directly");
  }

  @Test
  void rejectsTargetWithoutDeadLetterQueue() {
    Topology broken =
        withTarget(
            DEV,
            "dev-rating-restaurant-rule",
            target -> target(target, target.maximumRetryAttempts(), null));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule' target 'dev-rating-queue':"
            + " has no dead-letter queue for events it cannot deliver");
  }

  @Test
  void rejectsTargetWithDeadLetterQueueThatIsNotDeadLetterQueue() {
    Topology broken =
        withTarget(
            DEV, "dev-rating-restaurant-rule", target -> target(target, 10, "dev-import-queue"));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule' target 'dev-rating-queue':"
            + " dead-letter queue 'dev-import-queue' is not a defined dead-letter queue");
  }

  @Test
  void rejectsTargetWithMoreRetryAttemptsThanAwsAllows() {
    Topology broken =
        withTarget(
            DEV,
            "dev-rating-restaurant-rule",
            target -> target(target, 200, target.deadLetterQueue()));

    assertOnlyViolation(
        broken,
        "rule 'dev-rating-restaurant-rule' target 'dev-rating-queue':"
            + " maximum retry attempts must be 0-185");
  }

  @Test
  void rejectsRuleWithMoreTargetsThanAwsAllows() {
    List<TargetDefinition> six =
        Stream.of("user-signup", "import", "analytics", "rating", "error", "archive")
            .map(flow -> TargetDefinition.toQueue("dev-" + flow + "-queue", "dev-" + flow + "-dlq"))
            .toList();
    Topology broken = withRule(DEV, "dev-rating-restaurant-rule", rule -> targets(rule, six));

    assertOnlyViolation(broken, "rule 'dev-rating-restaurant-rule': has 6 targets; AWS allows 5");
  }

  @Test
  void rejectsBusNameWithoutCategory() {
    Topology broken = withBus(DEV, new EventBusDefinition("bellyfed-user-dev", "user"));

    assertOnlyViolation(
        broken,
        "bus 'bellyfed-user-dev': name does not follow bellyfed-{domain|infra}-{domain}-{env}");
  }

  @Test
  void rejectsQueueNameWithoutQueueSuffix() {
    Topology broken = withQueue(DEV, "dev-import-queue", queue -> rename(queue, "dev-import-q"));

    assertOnlyViolation(broken, "queue 'dev-import-q': name does not follow {env}-{flow}-queue");
  }

  @Test
  void rejectsRuleNameWithoutEnvironment() {
    Topology broken =
        withRule(DEV, "dev-rating-restaurant-rule", rule -> rename(rule, "import-rule"));

    assertOnlyViolation(
        broken, "rule 'import-rule': name does not follow {env}-{flow}-{bus-domain}-rule");
  }

  @Test
  void rejectsTableNameWithoutPrefixAndEnvironment() {
    Topology broken = withTable(DEV, "bellyfed-users-dev", table -> rename(table, "users"));

    assertOnlyViolation(broken, "table 'users': name does not follow bellyfed-{table}-{env}");
  }

  @Test
  void rejectsQueueOfAnotherEnvironment() {
    Topology broken =
        withQueue(DEV, "dev-import-queue", queue -> rename(queue, "staging-import-queue"));

    assertOnlyViolation(
        broken, "queue 'staging-import-queue': name does not carry the environment 'dev'");
  }

  @Test
  void rejectsTableOfAnotherEnvironment() {
    Topology broken =
        withTable(DEV, "bellyfed-users-dev", table -> rename(table, "bellyfed-users-staging"));

    assertOnlyViolation(
        broken, "table 'bellyfed-users-staging': name does not carry the environment 'dev'");
  }

  @Test
  void rejectsDuplicateQueue() {
    List<QueueDefinition> queues = new ArrayList<>(DEV.queues());
    queues.add(DEV.queue("import"));
    Topology broken = DEV.withQueues(queues);

    assertOnlyViolation(broken, "queue 'dev-import-queue' is defined more than once");
  }

  @Test
  void rejectsTableAttributeUsedWithTwoKeyTypes() {
    Topology broken =
        withTable(
            DEV,
            "bellyfed-restaurants-dev",
            table ->
                index(
                    table,
                    new Index(
                        "rating-index", Key.string("avgRating"), Key.string("restaurantId"))));

    assertOnlyViolation(
        broken, "table 'bellyfed-restaurants-dev': attribute 'avgRating' is used as both N and S");
  }

  private static void assertOnlyViolation(Topology topology, String expected) {
    assertThat(topology.violations()).singleElement().asString().startsWith(expected);
    assertValidationFails(topology, expected);
  }

  private static void assertViolation(Topology topology, String expected) {
    assertThat(topology.violations()).anySatisfy(v -> assertThat(v).startsWith(expected));
    assertValidationFails(topology, expected);
  }

  private static void assertValidationFails(Topology topology, String expected) {
    assertThatThrownBy(topology::validate)
        .isInstanceOf(TopologyValidationException.class)
        .hasMessageContaining(expected);
  }

  private static Topology withQueue(
      Topology topology, String name, UnaryOperator<QueueDefinition> change) {
    assertThat(topology.queues()).extracting(QueueDefinition::name).contains(name);
    return topology.withQueues(
        topology.queues().stream()
            .map(queue -> queue.name().equals(name) ? change.apply(queue) : queue)
            .toList());
  }

  private static Topology withoutQueue(Topology topology, String name) {
    assertThat(topology.queues()).extracting(QueueDefinition::name).contains(name);
    return topology.withQueues(
        topology.queues().stream().filter(queue -> !queue.name().equals(name)).toList());
  }

  private static Topology withRule(
      Topology topology, String name, UnaryOperator<RuleDefinition> change) {
    assertThat(topology.rules()).extracting(RuleDefinition::name).contains(name);
    return topology.withRules(
        topology.rules().stream()
            .map(rule -> rule.name().equals(name) ? change.apply(rule) : rule)
            .toList());
  }

  private static Topology withTarget(
      Topology topology, String ruleName, UnaryOperator<TargetDefinition> change) {
    return withRule(
        topology, ruleName, rule -> targets(rule, rule.targets().stream().map(change).toList()));
  }

  private static Topology withBus(Topology topology, EventBusDefinition added) {
    List<EventBusDefinition> buses = new ArrayList<>(topology.buses());
    buses.add(added);
    return topology.withBuses(buses);
  }

  private static Topology withTable(
      Topology topology, String name, UnaryOperator<TableDefinition> change) {
    assertThat(topology.tables()).extracting(TableDefinition::name).contains(name);
    return topology.withTables(
        topology.tables().stream()
            .map(table -> table.name().equals(name) ? change.apply(table) : table)
            .toList());
  }

  private static QueueDefinition rename(QueueDefinition queue, String name) {
    return new QueueDefinition(
        name,
        queue.flow(),
        queue.deadLetter(),
        queue.redrive(),
        queue.retention(),
        queue.visibilityTimeout());
  }

  private static QueueDefinition redrive(QueueDefinition queue, @Nullable RedrivePolicy redrive) {
    return new QueueDefinition(
        queue.name(),
        queue.flow(),
        queue.deadLetter(),
        redrive,
        queue.retention(),
        queue.visibilityTimeout());
  }

  private static QueueDefinition retention(QueueDefinition queue, Duration retention) {
    return new QueueDefinition(
        queue.name(),
        queue.flow(),
        queue.deadLetter(),
        queue.redrive(),
        retention,
        queue.visibilityTimeout());
  }

  private static RuleDefinition rename(RuleDefinition rule, String name) {
    return new RuleDefinition(
        name, rule.flow(), rule.bus(), rule.eventPattern(), rule.targets(), rule.samples());
  }

  private static RuleDefinition bus(RuleDefinition rule, String bus) {
    return new RuleDefinition(
        rule.name(), rule.flow(), bus, rule.eventPattern(), rule.targets(), rule.samples());
  }

  private static RuleDefinition pattern(RuleDefinition rule, String pattern) {
    return new RuleDefinition(
        rule.name(), rule.flow(), rule.bus(), pattern, rule.targets(), rule.samples());
  }

  private static RuleDefinition samples(RuleDefinition rule, List<SampleEvent> samples) {
    return new RuleDefinition(
        rule.name(), rule.flow(), rule.bus(), rule.eventPattern(), rule.targets(), samples);
  }

  private static RuleDefinition targets(RuleDefinition rule, TargetDefinition target) {
    return targets(rule, List.of(target));
  }

  private static RuleDefinition targets(RuleDefinition rule, List<TargetDefinition> targets) {
    return new RuleDefinition(
        rule.name(), rule.flow(), rule.bus(), rule.eventPattern(), targets, rule.samples());
  }

  private static TargetDefinition target(
      TargetDefinition target, int maximumRetryAttempts, @Nullable String deadLetterQueue) {
    return new TargetDefinition(
        target.id(),
        target.queue(),
        target.inputPath(),
        target.inputTransformer(),
        maximumRetryAttempts,
        target.maximumEventAge(),
        deadLetterQueue);
  }

  private static TableDefinition rename(TableDefinition table, String name) {
    return new TableDefinition(
        name, table.partitionKey(), table.sortKey(), table.indexes(), table.ttlAttribute());
  }

  private static TableDefinition index(TableDefinition table, Index added) {
    List<Index> indexes = new ArrayList<>(table.indexes());
    indexes.add(added);
    return new TableDefinition(
        table.name(), table.partitionKey(), table.sortKey(), indexes, table.ttlAttribute());
  }
}
