package com.bellyfed.deploy.cloudformation;

import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.RuleDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudWatch alarms of monitoring/prometheus/bellyfed-alerts.yml, one or more per alert rule, each tagged
 * {@code alert} with the rule's name (AlarmsMatchPrometheusRulesTests holds them to the rules). Where AWS has
 * the metric itself this class watches AWS's: a dead-letter queue holding a message and a message waiting over 5
 * minutes (AWS/SQS), a service with fewer running tasks than desired (Container Insights, the cluster has it on);
 * plus what only CloudWatch sees, a rule that failed to deliver or dead-lettered an event (AWS/Events). The rules
 * on the services' own meters are {@link ServiceMeterAlarms}. Every alarm notifies the environment's alarm topic.
 */
final class Alarms {

  static final String TOPIC = "AlarmTopic";

  /** The tag naming the Prometheus alert (or the AWS-only kind) an alarm stands for. */
  static final String ALERT_TAG = "alert";

  /** The services whose requests the error-rate alarm watches, as the analytics events name them. */
  static final List<String> SERVICES = List.of("query-service", "write-service", "import-service", "analytics-service");

  private Alarms() {}

  static void add(Template template, Topology topology, Tags tags) {
    String env = topology.environment().id();
    ObjectNode topic = template.resource(TOPIC, "AWS::SNS::Topic");
    topic.put("TopicName", "bellyfed-alarms-" + env);
    topic.put("KmsMasterKeyId", "alias/aws/sns");
    topic.set("Tags", tags.list("monitoring"));
    template.output("AlarmTopicArn", Template.ref(TOPIC), "Subscribe the on-call to it");

    for (QueueDefinition queue : topology.queues()) {
      if (queue.deadLetter()) {
        deadLetterQueue(template, tags, queue.name());
      } else {
        ObjectNode alarm = base(template, tags, queue.name() + "-oldest-over-5-minutes", "QueueMessagesOlderThan5Minutes",
            queue.name() + " has a message waiting over 5 minutes", 300);
        single(alarm, "AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", 60, Map.of("QueueName", queue.name()));
      }
    }
    for (RuleDefinition rule : topology.rules()) {
      Map<String, String> dimensions = Map.of("EventBusName", rule.bus(), "RuleName", rule.name());
      single(base(template, tags, rule.name() + "-failed-invocations", "RuleFailedInvocations",
              rule.name() + " could not deliver an event to its target", 0),
          "AWS/Events", "FailedInvocations", "Sum", 60, dimensions);
      single(base(template, tags, rule.name() + "-sent-to-dlq", "RuleInvocationsSentToDlq",
              rule.name() + " sent an event to its dead-letter queue", 0),
          "AWS/Events", "InvocationsSentToDlq", "Sum", 60, dimensions);
    }
    for (ServiceSpec service : ServiceSpec.ALL) {
      serviceDown(template, tags, env, service.name());
    }
    ServiceMeterAlarms.add(template, topology, tags);
  }

  /**
   * Messages in the queue, visible or not, as analytics-service's bellyfed_dlq_messages counts them: a message an
   * operator is reviewing (received, so in flight) has not gone away.
   */
  private static void deadLetterQueue(Template template, Tags tags, String queue) {
    ObjectNode alarm = base(template, tags, queue + "-not-empty", "DeadLetterQueueNotEmpty",
        queue + " holds a message: review it with GET /api/dlqs/" + queue + "/messages, then redrive or delete", 0);
    Queries queries = new Queries(alarm);
    Map<String, String> dimensions = Map.of("QueueName", queue);
    String visible = queries.metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", dimensions, 60, "Maximum");
    String inFlight = queries.metric("AWS/SQS", "ApproximateNumberOfMessagesNotVisible", dimensions, 60, "Maximum");
    queries.expression(visible + " + " + inFlight, queue + " messages, visible or in flight");
  }

  /**
   * An instance that is not up: on ECS a task that stopped (crashed, or replaced after failing its health check)
   * until its replacement runs. Three minutes, not the rule's one, because Fargate takes up to a minute or two to
   * start a task a scale-out asked for, which is no outage.
   */
  private static void serviceDown(Template template, Tags tags, String env, String service) {
    ObjectNode alarm = base(template, tags, "bellyfed-" + env + "-" + service + "-tasks-down", "ServiceDown",
        service + " runs fewer tasks than it should: see the service's stopped tasks and their reason", 0);
    periods(alarm, 3);
    Queries queries = new Queries(alarm);
    Map<String, String> dimensions = Map.of("ClusterName", Runtime.cluster(env), "ServiceName", service);
    String desired = queries.metric("ECS/ContainerInsights", "DesiredTaskCount", dimensions, 60, "Average");
    String running = queries.metric("ECS/ContainerInsights", "RunningTaskCount", dimensions, 60, "Average");
    queries.expression(desired + " - " + running, service + " tasks missing");
  }

  /** What every alarm shares: over the threshold alarms, no data does not, both notify the topic. */
  static ObjectNode base(Template template, Tags tags, String name, String alert, String description, double threshold) {
    ObjectNode alarm = template.resource(Template.logicalId(name, "Alarm"), "AWS::CloudWatch::Alarm");
    alarm.put("AlarmName", name);
    alarm.put("AlarmDescription", alert + ": " + description);
    alarm.put("EvaluationPeriods", 1);
    alarm.put("Threshold", threshold);
    alarm.put("ComparisonOperator", "GreaterThanThreshold");
    alarm.put("TreatMissingData", "notBreaching");
    alarm.putArray("AlarmActions").add(Template.ref(TOPIC));
    alarm.putArray("OKActions").add(Template.ref(TOPIC));
    ArrayNode list = tags.list("monitoring");
    list.addObject().put("Key", ALERT_TAG).put("Value", alert);
    alarm.set("Tags", list);
    return alarm;
  }

  /** A rule's {@code for:}: every one of that many consecutive periods must breach. */
  static void periods(ObjectNode alarm, int periods) {
    alarm.put("EvaluationPeriods", periods);
    alarm.put("DatapointsToAlarm", periods);
  }

  static void single(ObjectNode alarm, String namespace, String metric, String statistic, int period, Map<String, String> dimensions) {
    alarm.put("Namespace", namespace);
    alarm.put("MetricName", metric);
    alarm.put("Statistic", statistic);
    alarm.put("Period", period);
    alarm.set("Dimensions", dimensions(dimensions));
  }

  static ArrayNode dimensions(Map<String, String> dimensions) {
    ArrayNode json = Template.array();
    dimensions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(dimension -> json.addObject().put("Name", dimension.getKey()).put("Value", dimension.getValue()));
    return json;
  }

  /**
   * An alarm's metric math: the metrics it fetches (at most 10, PutMetricAlarm's limit:
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html) and the one
   * expression it watches.
   */
  static final class Queries {

    private final ArrayNode metrics;

    Queries(ObjectNode alarm) {
      metrics = alarm.putArray("Metrics");
    }

    /** Adds a metric and answers its id. */
    String metric(String namespace, String name, Map<String, String> dimensions, int period, String statistic) {
      String id = "m" + metrics.size();
      ObjectNode query = metrics.addObject();
      query.put("Id", id);
      query.put("ReturnData", false);
      ObjectNode stat = query.putObject("MetricStat");
      ObjectNode metric = stat.putObject("Metric");
      metric.put("Namespace", namespace);
      metric.put("MetricName", name);
      metric.set("Dimensions", dimensions(dimensions));
      stat.put("Period", period);
      stat.put("Stat", statistic);
      return id;
    }

    void expression(String expression, String label) {
      ObjectNode query = metrics.addObject();
      query.put("Id", "e1");
      query.put("Label", label);
      query.put("Expression", expression);
      query.put("ReturnData", true);
    }
  }
}
