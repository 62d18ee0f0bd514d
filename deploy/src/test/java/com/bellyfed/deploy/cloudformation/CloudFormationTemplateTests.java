package com.bellyfed.deploy.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.RuleDefinition;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The template against the topology it is generated from, and against what AWS documents for each
 * resource type (links at each check). cfn-lint is not part of the build (it is a Python tool a clean
 * machine lacks); docs/deployment.md says how to run it.
 */
class CloudFormationTemplateTests {

  private static final JsonMapper JSON = JsonMapper.shared();

  private static JsonNode template(Environment environment) {
    return CloudFormation.template(environment);
  }

  private static List<JsonNode> resources(JsonNode template, String type) {
    List<JsonNode> found = new ArrayList<>();
    template.path("Resources").forEach(resource -> {
      if (resource.path("Type").asString("").equals(type)) {
        found.add(resource);
      }
    });
    return found;
  }

  private static Set<String> names(JsonNode template, String type, String property) {
    return resources(template, type).stream()
        .map(resource -> resource.path("Properties").path(property).asString(""))
        .collect(Collectors.toSet());
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyBusRuleQueueAndTableOfTheTopologyIsThereOnceAndNothingElse(Environment environment) {
    Topology topology = Topology.bellyfed(environment);
    JsonNode template = template(environment);

    assertThat(names(template, "AWS::Events::EventBus", "Name"))
        .containsExactlyInAnyOrderElementsOf(topology.buses().stream().map(bus -> bus.name()).toList());
    assertThat(names(template, "AWS::Events::Rule", "Name"))
        .containsExactlyInAnyOrderElementsOf(topology.rules().stream().map(RuleDefinition::name).toList());
    assertThat(names(template, "AWS::SQS::Queue", "QueueName"))
        .containsExactlyInAnyOrderElementsOf(topology.queues().stream().map(QueueDefinition::name).toList());
    assertThat(names(template, "AWS::DynamoDB::Table", "TableName"))
        .containsExactlyInAnyOrderElementsOf(topology.tables().stream().map(TableDefinition::name).toList());
    assertThat(resources(template, "AWS::Events::EventBus")).hasSameSizeAs(topology.buses());
    assertThat(resources(template, "AWS::Events::Rule")).hasSameSizeAs(topology.rules());
    assertThat(resources(template, "AWS::SQS::Queue")).hasSameSizeAs(topology.queues());
    assertThat(resources(template, "AWS::DynamoDB::Table")).hasSameSizeAs(topology.tables());
    assertThat(names(template, "AWS::Cognito::UserPool", "UserPoolName")).containsExactly(topology.userPool().poolName());
    assertThat(names(template, "AWS::Cognito::UserPoolClient", "ClientName")).containsExactly(topology.userPool().clientName());
    assertThat(names(template, "AWS::Cognito::UserPoolGroup", "GroupName")).containsExactlyInAnyOrder("admin", "user");
  }

  @Test
  void everyMainQueueRedrivesToItsFlowsDeadLetterQueueAfterThreeReceivesAndDeadLettersAreKeptFourteenDays() {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
    JsonNode template = template(Environment.PROD);
    Topology topology = Topology.bellyfed(Environment.PROD);
    for (QueueDefinition queue : topology.queues()) {
      JsonNode properties = template.path("Resources").path(Queues.logicalId(queue.name())).path("Properties");
      assertThat(properties.path("SqsManagedSseEnabled").asBoolean()).as(queue.name()).isTrue();
      if (queue.deadLetter()) {
        assertThat(properties.path("MessageRetentionPeriod").asLong()).as(queue.name()).isEqualTo(14 * 24 * 3600);
        assertThat(properties.has("RedrivePolicy")).isFalse();
      } else {
        JsonNode redrive = properties.path("RedrivePolicy");
        assertThat(redrive.path("maxReceiveCount").asInt()).as(queue.name()).isEqualTo(3);
        assertThat(redrive.path("deadLetterTargetArn").path("Fn::GetAtt").get(0).asString(""))
            .isEqualTo(Queues.logicalId(topology.deadLetterQueue(queue.flow()).name()));
      }
    }
  }

  @Test
  void everyRuleTargetRetriesAndKeepsWhatItCannotDeliverInADeadLetterQueueThatAllowsTheRuleToSend() {
    // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html: the DLQ needs a policy
    // that lets events.amazonaws.com send, for the rule's ARN.
    JsonNode template = template(Environment.DEV);
    List<JsonNode> rules = resources(template, "AWS::Events::Rule");
    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      String ruleId = Rules.logicalId(rule.path("Properties").path("Name").asString(""));
      JsonNode targets = rule.path("Properties").path("Targets");
      assertThat(targets.size()).isPositive();
      for (JsonNode target : targets) {
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
        assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isBetween(60, 86400);
        String deadLetterQueue = target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").get(0).asString("");
        String queue = target.path("Arn").path("Fn::GetAtt").get(0).asString("");
        for (String sent : List.of(queue, deadLetterQueue)) {
          JsonNode statement = template.path("Resources").path(sent + "Policy").path("Properties").path("PolicyDocument").path("Statement").get(0);
          assertThat(statement.path("Principal").path("Service").asString("")).isEqualTo("events.amazonaws.com");
          assertThat(statement.path("Action").asString("")).isEqualTo("sqs:SendMessage");
          assertThat(StreamSupport.stream(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").spliterator(), false)
                  .map(arn -> arn.path("Fn::GetAtt").get(0).asString("")))
              .as("%s lets %s send", sent, ruleId)
              .contains(ruleId);
        }
      }
    }
  }

  @Test
  void tablesKeepTheTopologysKeysAndIndexesWithTtlRecoveryAndEncryptionAndProdProtectsThem() {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
    for (Environment environment : Environment.values()) {
      JsonNode template = template(environment);
      for (TableDefinition table : Topology.bellyfed(environment).tables()) {
        JsonNode resource = template.path("Resources").path(Tables.logicalId(table.name()));
        JsonNode properties = resource.path("Properties");
        assertThat(properties.path("BillingMode").asString("")).isEqualTo("PAY_PER_REQUEST");
        assertThat(properties.path("KeySchema").get(0).path("AttributeName").asString("")).isEqualTo(table.partitionKey().attribute());
        assertThat(properties.path("KeySchema").size()).isEqualTo(table.sortKey() == null ? 1 : 2);
        assertThat(StreamSupport.stream(properties.path("GlobalSecondaryIndexes").spliterator(), false)
                .map(index -> index.path("IndexName").asString("")))
            .containsExactlyElementsOf(table.indexes().stream().map(TableDefinition.Index::name).toList());
        Set<String> defined = StreamSupport.stream(properties.path("AttributeDefinitions").spliterator(), false)
            .map(definition -> definition.path("AttributeName").asString(""))
            .collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        used.add(table.partitionKey().attribute());
        if (table.sortKey() != null) {
          used.add(table.sortKey().attribute());
        }
        table.indexes().forEach(index -> {
          used.add(index.partitionKey().attribute());
          if (index.sortKey() != null) {
            used.add(index.sortKey().attribute());
          }
        });
        assertThat(defined).as("CloudFormation refuses attribute definitions no key uses").isEqualTo(used);
        assertThat(properties.path("TimeToLiveSpecification").path("AttributeName").asString(null)).isEqualTo(table.ttlAttribute());
        assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(properties.path("SSESpecification").path("SSEEnabled").asBoolean()).isTrue();
        boolean prod = environment == Environment.PROD;
        assertThat(properties.path("DeletionProtectionEnabled").asBoolean()).as(table.name()).isEqualTo(prod);
        assertThat(resource.path("DeletionPolicy").asString("Delete")).isEqualTo(prod ? "Retain" : "Delete");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyServiceRoleNamesExactActionsOnExactArnsOnly(Environment environment) {
    JsonNode template = template(environment);
    for (String service : Alarms.SERVICES) {
      JsonNode role = template.path("Resources").path(ServiceRoles.logicalId(service));
      assertThat(role.path("Type").asString("")).as(service).isEqualTo("AWS::IAM::Role");
      JsonNode statements = role.path("Properties").path("Policies").get(0).path("PolicyDocument").path("Statement");
      assertThat(statements.size()).as(service).isPositive();
      for (JsonNode statement : statements) {
        assertThat(statement.path("Effect").asString("")).isEqualTo("Allow");
        if (statement.path("Sid").asString("").equals(ServiceRoles.METRICS_SID)) {
          // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html: PutMetricData
          // has no resource type, so "*" narrowed by the namespace condition is the least there is.
          assertThat(statement.path("Action").toString()).isEqualTo("[\"cloudwatch:PutMetricData\"]");
          assertThat(statement.path("Condition").path("StringEquals").path("cloudwatch:namespace").asString(""))
              .isEqualTo("Bellyfed/" + environment.id());
          continue;
        }
        for (JsonNode action : statement.path("Action")) {
          assertThat(action.asString("")).as("%s %s", service, statement.path("Sid")).matches("[a-z0-9-]+:[A-Za-z]+");
        }
        assertThat(statement.path("Resource").size()).isPositive();
        for (JsonNode resource : statement.path("Resource")) {
          assertThat(JSON.writeValueAsString(resource)).as("%s %s", service, statement.path("Sid")).doesNotContain("*");
        }
      }
    }
  }

  @Test
  void noPolicyInTheTemplateGrantsAWildcardActionOrEveryResource() {
    JsonNode template = template(Environment.PROD);
    List<JsonNode> statements = new ArrayList<>();
    template.path("Resources").forEach(resource -> {
      resource.path("Properties").path("Policies").forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statements::add));
      resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
    });
    assertThat(statements).hasSizeGreaterThan(5);
    for (JsonNode statement : statements) {
      List<JsonNode> actions = statement.path("Action").isArray()
          ? StreamSupport.stream(statement.path("Action").spliterator(), false).toList()
          : List.of(statement.path("Action"));
      actions.forEach(action -> assertThat(action.asString("")).doesNotContain("*"));
      List<JsonNode> resources = statement.path("Resource").isArray()
          ? StreamSupport.stream(statement.path("Resource").spliterator(), false).toList()
          : List.of(statement.path("Resource"));
      if (!statement.path("Sid").asString("").equals(ServiceRoles.METRICS_SID)) {
        resources.forEach(resource -> assertThat(resource.asString("not a string")).isNotEqualTo("*"));
      } else {
        assertThat(statement.path("Condition").path("StringEquals").has("cloudwatch:namespace")).isTrue();
      }
    }
  }

  @Test
  void theAlarmsOfTheSeedsWatchEveryDeadLetterQueueQueueRuleAndService() {
    // Metrics: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
    // and https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
    Topology topology = Topology.bellyfed(Environment.STAGING);
    List<JsonNode> alarms = resources(template(Environment.STAGING), "AWS::CloudWatch::Alarm");
    Map<String, JsonNode> byName = alarms.stream()
        .collect(Collectors.toMap(alarm -> alarm.path("Properties").path("AlarmName").asString(""), alarm -> alarm.path("Properties")));
    for (QueueDefinition queue : topology.queues()) {
      JsonNode alarm = byName.get(queue.name() + (queue.deadLetter() ? "-not-empty" : "-oldest-over-5-minutes"));
      assertThat(alarm).as(queue.name()).isNotNull();
      assertThat(alarm.path("Threshold").asDouble()).isEqualTo(queue.deadLetter() ? 0 : 300);
      assertThat(alarm.path("ComparisonOperator").asString("")).isEqualTo("GreaterThanThreshold");
      if (queue.deadLetter()) {
        // Visible or in flight, as bellyfed_dlq_messages counts them: a message under review is still there.
        List<JsonNode> metrics = StreamSupport.stream(alarm.path("Metrics").spliterator(), false).toList();
        assertThat(metrics.subList(0, 2)).allSatisfy(metric -> {
          assertThat(metric.path("MetricStat").path("Metric").path("Namespace").asString("")).isEqualTo("AWS/SQS");
          assertThat(metric.path("MetricStat").path("Metric").path("Dimensions").get(0).path("Value").asString("")).isEqualTo(queue.name());
        });
        assertThat(metrics.subList(0, 2)).extracting(metric -> metric.path("MetricStat").path("Metric").path("MetricName").asString(""))
            .containsExactly("ApproximateNumberOfMessagesVisible", "ApproximateNumberOfMessagesNotVisible");
        assertThat(metrics.get(2).path("Expression").asString("")).isEqualTo("m0 + m1");
      } else {
        assertThat(alarm.path("Namespace").asString("")).isEqualTo("AWS/SQS");
        assertThat(alarm.path("MetricName").asString("")).isEqualTo("ApproximateAgeOfOldestMessage");
        assertThat(alarm.path("Dimensions").get(0).path("Value").asString("")).isEqualTo(queue.name());
      }
    }
    for (RuleDefinition rule : topology.rules()) {
      for (String metric : List.of("FailedInvocations", "InvocationsSentToDlq")) {
        JsonNode alarm = byName.get(rule.name() + (metric.equals("FailedInvocations") ? "-failed-invocations" : "-sent-to-dlq"));
        assertThat(alarm).as(rule.name() + " " + metric).isNotNull();
        assertThat(alarm.path("Namespace").asString("")).isEqualTo("AWS/Events");
        assertThat(alarm.path("MetricName").asString("")).isEqualTo(metric);
        assertThat(alarm.path("Threshold").asDouble()).isZero();
      }
    }
    for (String service : Alarms.SERVICES) {
      JsonNode alarm = byName.get("bellyfed-staging-" + service + "-error-rate-over-1-percent");
      assertThat(alarm).as(service).isNotNull();
      assertThat(alarm.path("Threshold").asDouble()).isEqualTo(1);
      JsonNode expression = StreamSupport.stream(alarm.path("Metrics").spliterator(), false)
          .filter(metric -> metric.path("ReturnData").asBoolean())
          .findFirst()
          .orElseThrow();
      assertThat(expression.path("Expression").asString("")).startsWith("100 * (");
      assertThat(alarm.path("Metrics").size()).isLessThanOrEqualTo(10);
    }
    for (String service : Alarms.SERVICES) {
      JsonNode dropped = byName.get("bellyfed-staging-" + service + "-events-dropped");
      assertThat(dropped).as(service).isNotNull();
      assertThat(dropped.path("MetricName").asString("")).isEqualTo("bellyfed.events.dropped.count");
      assertThat(dropped.path("Threshold").asDouble()).isZero();
    }
    assertThat(byName.get("bellyfed-staging-outbox-rows-failed").path("Threshold").asDouble()).isZero();
    assertThat(byName.get("bellyfed-staging-outbox-row-older-than-a-minute").path("Threshold").asDouble()).isEqualTo(60_000);
    // Per service: error rate, dropped events, dropped analytics events, tasks down, not reporting; per consumer: its lag;
    // once: the outbox's two, the analytics processing delay and the DLQ gauges' absence.
    int consumers = ServiceMeterAlarms.CONSUMERS.values().stream().mapToInt(List::size).sum();
    assertThat(alarms).hasSize(topology.queues().size() + 2 * topology.rules().size() + 5 * Alarms.SERVICES.size() + consumers + 4);
    assertThat(alarms).allSatisfy(alarm ->
        assertThat(alarm.path("Properties").path("AlarmActions").get(0).path("Ref").asString("")).isEqualTo(Alarms.TOPIC));
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void eachTemplateStaysWithinCloudFormationsQuotas(Environment environment) {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html:
    // 500 resources, 200 outputs and parameters, a template body of 1 MB from S3 (51,200 bytes inline, so
    // `aws cloudformation deploy` needs --s3-bucket: docs/deployment.md).
    JsonNode template = template(environment);
    assertThat(template.path("Resources").size()).isLessThanOrEqualTo(500);
    assertThat(template.path("Outputs").size()).isLessThanOrEqualTo(200);
    assertThat(template.path("Parameters").size()).isLessThanOrEqualTo(200);
    assertThat(JSON.writeValueAsString(template).getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyReferenceNamesAResourceParameterOrPseudoParameterOfTheTemplate(Environment environment) {
    JsonNode template = template(environment);
    Set<String> known = new HashSet<>();
    template.path("Resources").propertyNames().forEach(known::add);
    template.path("Parameters").propertyNames().forEach(known::add);
    List<String> missing = new ArrayList<>();
    references(template.path("Resources"), known, missing);
    references(template.path("Outputs"), known, missing);
    assertThat(missing).isEmpty();
  }

  private static void references(JsonNode node, Set<String> known, List<String> missing) {
    if (node.isObject()) {
      if (node.has("Ref") && !node.path("Ref").asString("").startsWith("AWS::")) {
        check(node.path("Ref").asString(""), known, missing);
      }
      if (node.has("Fn::GetAtt")) {
        check(node.path("Fn::GetAtt").get(0).asString(""), known, missing);
      }
      if (node.path("Fn::Sub").isString()) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}").matcher(node.path("Fn::Sub").asString(""));
        while (matcher.find()) {
          check(matcher.group(1), known, missing);
        }
      }
      node.forEach(child -> references(child, known, missing));
    } else if (node.isArray()) {
      node.forEach(child -> references(child, known, missing));
    }
  }

  private static void check(String name, Set<String> known, List<String> missing) {
    if (!known.contains(name) && !name.startsWith("AWS::")) {
      missing.add(name);
    }
  }
}
