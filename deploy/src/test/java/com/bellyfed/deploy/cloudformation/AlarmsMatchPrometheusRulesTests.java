package com.bellyfed.deploy.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.deploy.ecs.EcsDefinitions;
import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The CloudWatch alarms against monitoring/prometheus/bellyfed-alerts.yml, read as it is: a new alert rule without
 * an alarm (tagged {@code alert} with the rule's name) fails the build, and so does an alarm whose metric, threshold,
 * window or missing-data handling says something else than its rule. Micrometer's CloudWatch registry sends timers
 * in milliseconds where Prometheus has seconds; the error-rate alarm watches a percentage where the rule has a ratio.
 */
class AlarmsMatchPrometheusRulesTests {

  private static final Path RULES = Path.of("..", "monitoring", "prometheus", "bellyfed-alerts.yml");

  /** What only CloudWatch sees (EventBridge's delivery metrics), so no Prometheus rule has them. */
  private static final Set<String> AWS_ONLY = Set.of("RuleFailedInvocations", "RuleInvocationsSentToDlq");

  private static final Pattern THRESHOLD = Pattern.compile(">\\s*([0-9.]+)\\s*$");
  private static final Pattern RANGE = Pattern.compile("\\[(\\d+)m]");
  private static final Pattern METER = Pattern.compile("bellyfed_[a-z_]+");

  record Rule(String alert, String expr, int forSeconds, Map<String, Object> labels) {}

  @SuppressWarnings("unchecked")
  private static List<Rule> rules() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(RULES, StandardCharsets.UTF_8));
    List<Rule> rules = new ArrayList<>();
    for (Object group : (List<Object>) file.get("groups")) {
      for (Object item : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        Map<String, Object> rule = (Map<String, Object>) item;
        String duration = String.valueOf(rule.getOrDefault("for", "0m"));
        assertThat(duration).as("a rule's for: in minutes").matches("\\d+m");
        rules.add(new Rule((String) rule.get("alert"), String.valueOf(rule.get("expr")).strip(),
            60 * Integer.parseInt(duration.substring(0, duration.length() - 1)),
            (Map<String, Object>) rule.getOrDefault("labels", Map.of())));
      }
    }
    return rules;
  }

  /** Alarm name to its resource (Type, Condition, Properties), in the template's order. */
  private static Map<String, JsonNode> alarms(Environment environment) {
    Map<String, JsonNode> alarms = new LinkedHashMap<>();
    CloudFormation.template(environment).path("Resources").forEach(resource -> {
      if (resource.path("Type").asString("").equals("AWS::CloudWatch::Alarm")) {
        alarms.put(resource.path("Properties").path("AlarmName").asString(""), resource);
      }
    });
    return alarms;
  }

  private static String alert(JsonNode alarm) {
    return StreamSupport.stream(alarm.path("Properties").path("Tags").spliterator(), false)
        .filter(tag -> tag.path("Key").asString("").equals(Alarms.ALERT_TAG))
        .map(tag -> tag.path("Value").asString(""))
        .findFirst()
        .orElse("");
  }

  /** The metrics an alarm fetches: its one metric, or every MetricStat of its metric math. */
  private static List<JsonNode> metrics(JsonNode properties) {
    if (properties.has("MetricName")) {
      return List.of(properties);
    }
    return StreamSupport.stream(properties.path("Metrics").spliterator(), false)
        .filter(query -> query.has("MetricStat"))
        .map(query -> query.path("MetricStat").path("Metric"))
        .toList();
  }

  private static List<Integer> periods(JsonNode properties) {
    if (properties.has("Period")) {
      return List.of(properties.path("Period").asInt());
    }
    return StreamSupport.stream(properties.path("Metrics").spliterator(), false)
        .filter(query -> query.has("MetricStat"))
        .map(query -> query.path("MetricStat").path("Period").asInt())
        .toList();
  }

  private static String watched(JsonNode properties) {
    return StreamSupport.stream(properties.path("Metrics").spliterator(), false)
        .filter(query -> query.path("ReturnData").asBoolean())
        .map(query -> query.path("Expression").asString(""))
        .findFirst()
        .orElse("");
  }

  private static Map<String, String> dimensions(JsonNode metric) {
    Map<String, String> dimensions = new TreeMap<>();
    metric.path("Dimensions").forEach(dimension -> dimensions.put(dimension.path("Name").asString(""), dimension.path("Value").asString("")));
    return dimensions;
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyAlertRuleOfMonitoringHasItsAlarmAndEveryAlarmItsRule(Environment environment) throws IOException {
    Set<String> ruleNames = rules().stream().map(Rule::alert).collect(Collectors.toCollection(TreeSet::new));
    Set<String> alarmAlerts = alarms(environment).values().stream().map(AlarmsMatchPrometheusRulesTests::alert)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(alarmAlerts).as("alert rules in %s without a CloudWatch alarm in deploy/cloudformation", RULES)
        .containsAll(ruleNames);
    assertThat(alarmAlerts).as("alarms standing for no rule of %s", RULES)
        .isSubsetOf(Stream.concat(ruleNames.stream(), AWS_ONLY.stream()).toList());
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void eachAlarmWatchesItsRulesMeterThresholdWindowAndDuration(Environment environment) throws IOException {
    Map<String, JsonNode> alarms = alarms(environment);
    for (Rule rule : rules()) {
      List<JsonNode> own = alarms.values().stream().filter(alarm -> alert(alarm).equals(rule.alert())).toList();
      for (JsonNode alarm : own) {
        JsonNode properties = alarm.path("Properties");
        String name = properties.path("AlarmName").asString("");
        Matcher meter = METER.matcher(rule.expr());
        for (JsonNode metric : metrics(properties)) {
          String namespace = metric.path("Namespace").asString("");
          if (namespace.startsWith("Bellyfed/")) {
            assertThat(namespace).isEqualTo("Bellyfed/" + environment.id());
            assertThat(dimensions(metric)).as(name).containsEntry("environment", environment.id()).containsKey("application");
            String metricName = metric.path("MetricName").asString("");
            if (meter.reset().find()) {
              // bellyfed.events.consumer.lag.max is Prometheus's bellyfed_events_consumer_lag_seconds_max.
              String base = metricName.substring(0, metricName.lastIndexOf('.')).replace('.', '_');
              assertThat(rule.expr()).as("%s watches %s", name, metricName).contains(base);
            }
          }
        }
        Matcher threshold = THRESHOLD.matcher(rule.expr());
        if (threshold.find()) {
          double expected = Double.parseDouble(threshold.group(1))
              * (rule.expr().contains("_seconds_max") ? 1000 : 1)
              * (watched(properties).startsWith("100 *") ? 100 : 1);
          assertThat(properties.path("Threshold").asDouble()).as(name).isEqualTo(expected);
          assertThat(properties.path("ComparisonOperator").asString("")).as(name).isEqualTo("GreaterThanThreshold");
          assertThat(properties.path("TreatMissingData").asString("")).as(name).isEqualTo("notBreaching");
        }
        if (rule.expr().startsWith("absent(")) {
          // Nothing reported is the condition itself.
          assertThat(properties.path("TreatMissingData").asString("")).as(name).isEqualTo("breaching");
          assertThat(properties.path("ComparisonOperator").asString("")).as(name).isEqualTo("LessThanThreshold");
          assertThat(metrics(properties)).extracting(metric -> metric.path("MetricName").asString("")).isNotEmpty();
        }
        Matcher range = RANGE.matcher(rule.expr());
        if (range.find()) {
          assertThat(periods(properties)).as("%s sums the rule's window", name).containsOnly(60 * Integer.parseInt(range.group(1)));
        }
        int window = periods(properties).stream().mapToInt(Integer::intValue).min().orElseThrow()
            * properties.path("EvaluationPeriods").asInt();
        assertThat(window).as("%s holds at least the rule's for: %ss", name, rule.forSeconds()).isGreaterThanOrEqualTo(rule.forSeconds());
        assertThat(properties.path("DatapointsToAlarm").asInt(properties.path("EvaluationPeriods").asInt()))
            .as(name).isEqualTo(properties.path("EvaluationPeriods").asInt());
      }
    }
  }

  @Test
  void eachServiceTheRulesNameHasItsOwnAlarm() throws IOException {
    Map<String, JsonNode> alarms = alarms(Environment.PROD);
    Pattern jobs = Pattern.compile("job=~\"([^\"]+)\"");
    for (Rule rule : rules()) {
      List<String> named = new ArrayList<>();
      if (rule.labels().get("job") instanceof String job) {
        named.add(job);
      }
      Matcher matcher = jobs.matcher(rule.expr());
      if (matcher.find()) {
        named.addAll(List.of(matcher.group(1).split("\\|")));
      }
      for (String job : named) {
        assertThat(alarms.entrySet()).as("%s for %s", rule.alert(), job)
            .anySatisfy(alarm -> {
              assertThat(alert(alarm.getValue())).isEqualTo(rule.alert());
              assertThat(alarm.getKey()).isEqualTo("bellyfed-prod-" + job + (rule.alert().equals("ServiceDown") ? "-tasks-down" : "-not-reporting"));
            });
      }
    }
  }

  @Test
  void theAlarmsOnTheServicesMetersNameWhatTheServicesExport() {
    Map<String, JsonNode> alarms = alarms(Environment.STAGING);
    Map<String, String> analytics = Map.of("application", "analytics-service", "environment", "staging");
    for (String service : Alarms.SERVICES) {
      Map<String, String> common = Map.of("application", service, "environment", "staging");
      JsonNode dropped = alarms.get("bellyfed-staging-" + service + "-analytics-events-dropped").path("Properties");
      assertThat(dropped.path("MetricName").asString("")).isEqualTo("bellyfed.analytics.dropped.count");
      assertThat(dimensions(dropped)).isEqualTo(common);
      assertThat(dropped.path("Statistic").asString("")).isEqualTo("Sum");

      JsonNode silent = alarms.get("bellyfed-staging-" + service + "-not-reporting");
      assertThat(silent.path("Condition").asString("")).isEqualTo("ServiceMetricsExported");
      assertThat(silent.path("Properties").path("MetricName").asString("")).isEqualTo("process.uptime.value");
      assertThat(silent.path("Properties").path("Statistic").asString("")).isEqualTo("SampleCount");
      assertThat(silent.path("Properties").path("Threshold").asDouble()).isEqualTo(1);
      assertThat(dimensions(silent.path("Properties"))).isEqualTo(common);

      for (String consumer : ServiceMeterAlarms.CONSUMERS.getOrDefault(service, List.of())) {
        JsonNode lag = alarms.get("bellyfed-staging-" + service + "-" + consumer + "-lag-over-5-minutes").path("Properties");
        assertThat(lag.path("MetricName").asString("")).isEqualTo("bellyfed.events.consumer.lag.max");
        assertThat(lag.path("Statistic").asString("")).isEqualTo("Maximum");
        assertThat(dimensions(lag)).isEqualTo(Map.of("application", service, "consumer", consumer, "environment", "staging"));
      }
    }
    assertThat(alarms.keySet().stream().filter(name -> name.endsWith("-lag-over-5-minutes")))
        .hasSize(ServiceMeterAlarms.CONSUMERS.values().stream().mapToInt(List::size).sum());

    JsonNode delay = alarms.get("bellyfed-staging-analytics-processing-delay-over-5-minutes").path("Properties");
    assertThat(delay.path("MetricName").asString("")).isEqualTo("bellyfed.analytics.processing.delay.max");
    assertThat(dimensions(delay)).isEqualTo(analytics);

    JsonNode gauges = alarms.get("bellyfed-staging-dead-letter-gauges-absent");
    assertThat(gauges.path("Condition").asString("")).isEqualTo("ServiceMetricsExported");
    List<JsonNode> depths = metrics(gauges.path("Properties"));
    List<QueueDefinition> deadLetterQueues = Topology.bellyfed(Environment.STAGING).queues().stream().filter(QueueDefinition::deadLetter).toList();
    assertThat(depths).extracting(AlarmsMatchPrometheusRulesTests::dimensions).containsExactlyElementsOf(deadLetterQueues.stream()
        .map(queue -> Map.of("application", "analytics-service", "environment", "staging", "flow", queue.flow(), "queue", queue.name()))
        .toList());
    assertThat(depths).allSatisfy(metric -> assertThat(metric.path("MetricName").asString("")).isEqualTo("bellyfed.dlq.messages.value"));
    assertThat(watched(gauges.path("Properties"))).startsWith("MAX([m0, ");
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void aServiceIsDownWhenItsEcsServiceRunsFewerTasksThanDesired(Environment environment) {
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html:
    // RunningTaskCount and DesiredTaskCount by ClusterName and ServiceName.
    Map<String, JsonNode> alarms = alarms(environment);
    String cluster = CloudFormation.template(environment).path("Resources").path("EcsCluster").path("Properties").path("ClusterName").asString("");
    for (ServiceSpec service : ServiceSpec.ALL) {
      JsonNode alarm = alarms.get("bellyfed-" + environment.id() + "-" + service.name() + "-tasks-down").path("Properties");
      JsonNode ecsService = EcsDefinitions.service(service, environment);
      assertThat(metrics(alarm)).extracting(metric -> metric.path("MetricName").asString(""))
          .containsExactly("DesiredTaskCount", "RunningTaskCount");
      assertThat(metrics(alarm)).allSatisfy(metric -> {
        assertThat(metric.path("Namespace").asString("")).isEqualTo("ECS/ContainerInsights");
        assertThat(dimensions(metric)).isEqualTo(Map.of(
            "ClusterName", ecsService.path("cluster").asString(""), "ServiceName", ecsService.path("serviceName").asString("")));
      });
      assertThat(cluster).isEqualTo(ecsService.path("cluster").asString(""));
      assertThat(watched(alarm)).isEqualTo("m0 - m1");
      assertThat(alarm.path("Threshold").asDouble()).isZero();
    }
  }

  @Test
  void theConsumersTheLagAlarmsNameAreTheServicesConsumers() throws IOException {
    for (Map.Entry<String, List<String>> service : ServiceMeterAlarms.CONSUMERS.entrySet()) {
      Path code = Path.of("..", service.getKey(), "src", "main", "java");
      List<String> declared = new ArrayList<>();
      Pattern constant = Pattern.compile("static final String CONSUMER = \"([a-z-]+)\"");
      try (Stream<Path> files = Files.walk(code)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          Matcher matcher = constant.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (matcher.find()) {
            declared.add(matcher.group(1));
          }
        }
      }
      assertThat(service.getValue()).as(service.getKey()).containsExactlyInAnyOrderElementsOf(declared);
    }
  }

  @Test
  void withoutTheServicesMetricsInCloudWatchThePresenceAlarmsAreNotCreated() {
    JsonNode template = CloudFormation.template(Environment.PROD);
    assertThat(template.path("Parameters").path("ServiceMetricsInCloudWatch").path("Default").asString("")).isEqualTo("true");
    assertThat(template.path("Conditions").path("ServiceMetricsExported").path("Fn::Equals").get(1).asString("")).isEqualTo("true");
    List<String> conditional = new ArrayList<>();
    template.path("Resources").forEach(resource -> {
      if (resource.has("Condition")) {
        conditional.add(alert(resource));
      }
    });
    assertThat(new TreeSet<>(conditional)).containsExactly("DeadLetterGaugesAbsent", "ServiceNotScraped");
  }
}
