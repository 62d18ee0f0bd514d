package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.RuleDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudWatch alarms equal to monitoring/prometheus/bellyfed-alerts.yml's seed thresholds, on AWS's own
 * metrics where AWS has one: any message in a dead-letter queue (AWS/SQS), a message waiting over 5
 * minutes (AWS/SQS), a rule that failed to deliver or dead-lettered an event (AWS/Events), and a service
 * failing over 1% of its requests (the analytics counter the services publish to {@code Bellyfed/{env}}); and, on
 * the services' own meters there, a dropped event, FAILED outbox rows and an outbox row pending over a minute.
 * Every alarm notifies the environment's alarm topic.
 */
final class Alarms {

  static final String TOPIC = "AlarmTopic";

  /** The services whose requests the error-rate alarm watches, as the analytics events name them. */
  static final List<String> SERVICES = List.of("query-service", "write-service", "import-service", "analytics-service");

  private static final List<String> CATEGORIES = List.of("USER_ACTION", "SYSTEM_EVENT", "AUTHENTICATION", "QUERY");

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
        alarm(template, tags, queue.name() + "-not-empty", "DeadLetterQueueNotEmpty",
            queue.name() + " holds a message: review it with GET /api/dlqs/" + queue.name() + "/messages, then redrive or delete",
            "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", 60, 0, Map.of("QueueName", queue.name()));
      } else {
        alarm(template, tags, queue.name() + "-oldest-over-5-minutes", "QueueMessagesOlderThan5Minutes",
            queue.name() + " has a message waiting over 5 minutes",
            "AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", 60, 300, Map.of("QueueName", queue.name()));
      }
    }
    for (RuleDefinition rule : topology.rules()) {
      Map<String, String> dimensions = Map.of("EventBusName", rule.bus(), "RuleName", rule.name());
      alarm(template, tags, rule.name() + "-failed-invocations", "RuleFailedInvocations",
          rule.name() + " could not deliver an event to its target",
          "AWS/Events", "FailedInvocations", "Sum", 60, 0, dimensions);
      alarm(template, tags, rule.name() + "-sent-to-dlq", "RuleInvocationsSentToDlq",
          rule.name() + " sent an event to its dead-letter queue",
          "AWS/Events", "InvocationsSentToDlq", "Sum", 60, 0, dimensions);
    }
    for (String service : SERVICES) {
      errorRate(template, tags, env, service);
      alarm(template, tags, "bellyfed-" + env + "-" + service + "-events-dropped", "EventsDropped",
          service + " lost an event: publishing and the outbox spill both failed (the log line 'Dropped event' names it)",
          "Bellyfed/" + env, "bellyfed.events.dropped.count", "Sum", 300, 0, Map.of("application", service, "environment", env));
    }
    // Every service runs the outbox relay over the one shared table, so each reports the same gauges: the highest counts.
    outbox(template, tags, env, "outbox-rows-failed", "OutboxRowsFailed",
        "outbox rows FAILED: review their lastError, then resubmit them", "bellyfed.outbox.failed.rows.value", 0);
    outbox(template, tags, env, "outbox-row-older-than-a-minute", "OutboxRowOlderThanAMinute",
        "the oldest pending outbox row waits over a minute: the relay cannot publish", "bellyfed.outbox.oldest.age.value", 60_000);
  }

  /** The highest of the services' values of one outbox gauge, against a threshold. */
  private static void outbox(Template template, Tags tags, String env, String suffix, String kind, String description, String metric,
      double threshold) {
    String name = "bellyfed-" + env + "-" + suffix;
    ObjectNode alarm = base(template, tags, name, kind + ": " + description, threshold);
    ArrayNode metrics = alarm.putArray("Metrics");
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < SERVICES.size(); i++) {
      ObjectNode query = metrics.addObject();
      query.put("Id", "m" + i);
      query.put("ReturnData", false);
      ObjectNode stat = query.putObject("MetricStat");
      ObjectNode source = stat.putObject("Metric");
      source.put("Namespace", "Bellyfed/" + env);
      source.put("MetricName", metric);
      ArrayNode dimensions = source.putArray("Dimensions");
      dimensions.addObject().put("Name", "application").put("Value", SERVICES.get(i));
      dimensions.addObject().put("Name", "environment").put("Value", env);
      stat.put("Period", 60);
      stat.put("Stat", "Maximum");
      ids.append(ids.isEmpty() ? "" : ", ").append("m").append(i);
    }
    ObjectNode highest = metrics.addObject();
    highest.put("Id", "highest");
    highest.put("Label", metric + ", highest of the services");
    highest.put("Expression", "MAX([" + ids + "])");
    highest.put("ReturnData", true);
  }

  private static void alarm(
      Template template, Tags tags, String name, String kind, String description,
      String namespace, String metric, String statistic, int period, double threshold, Map<String, String> dimensions) {
    ObjectNode alarm = base(template, tags, name, kind + ": " + description, threshold);
    alarm.put("Namespace", namespace);
    alarm.put("MetricName", metric);
    alarm.put("Statistic", statistic);
    alarm.put("Period", period);
    ArrayNode json = alarm.putArray("Dimensions");
    dimensions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(dimension -> json.addObject().put("Name", dimension.getKey()).put("Value", dimension.getValue()));
  }

  /**
   * FAILURE over all of a service's analytics events in 5 minutes, as the Prometheus rule computes it. The
   * counter carries the tags service, category and status (and the common tags application and environment),
   * Micrometer's CloudWatch registry sends it as {@code <name>.count} (analytics-service's
   * CloudWatchExportIntegrationTests), and CloudWatch matches a metric only with all its dimensions, so each
   * category's series is named and summed.
   */
  private static void errorRate(Template template, Tags tags, String env, String service) {
    String name = "bellyfed-" + env + "-" + service + "-error-rate-over-1-percent";
    ObjectNode alarm = base(template, tags, name, "ErrorRateOver1Percent: " + service + " fails over 1% of its requests", 1);
    ArrayNode metrics = alarm.putArray("Metrics");
    StringBuilder failed = new StringBuilder();
    StringBuilder all = new StringBuilder();
    int i = 0;
    for (String status : List.of("FAILURE", "SUCCESS")) {
      for (String category : CATEGORIES) {
        String id = "m" + i++;
        ObjectNode metric = metrics.addObject();
        metric.put("Id", id);
        metric.put("ReturnData", false);
        ObjectNode stat = metric.putObject("MetricStat");
        ObjectNode source = stat.putObject("Metric");
        source.put("Namespace", "Bellyfed/" + env);
        source.put("MetricName", "bellyfed.analytics.events.ingested.count");
        ArrayNode dimensions = source.putArray("Dimensions");
        dimensions.addObject().put("Name", "application").put("Value", "analytics-service");
        dimensions.addObject().put("Name", "category").put("Value", category);
        dimensions.addObject().put("Name", "environment").put("Value", env);
        dimensions.addObject().put("Name", "service").put("Value", service);
        dimensions.addObject().put("Name", "status").put("Value", status);
        stat.put("Period", 300);
        stat.put("Stat", "Sum");
        String term = "FILL(" + id + ", 0)";
        all.append(all.isEmpty() ? "" : " + ").append(term);
        if (status.equals("FAILURE")) {
          failed.append(failed.isEmpty() ? "" : " + ").append(term);
        }
      }
    }
    ObjectNode rate = metrics.addObject();
    rate.put("Id", "rate");
    rate.put("Label", service + " failed requests, percent");
    rate.put("Expression", "100 * (" + failed + ") / (" + all + ")");
    rate.put("ReturnData", true);
  }

  /** What every alarm shares: one period over the threshold alarms, no data does not, both notify the topic. */
  private static ObjectNode base(Template template, Tags tags, String name, String description, double threshold) {
    ObjectNode alarm = template.resource(Template.logicalId(name, "Alarm"), "AWS::CloudWatch::Alarm");
    alarm.put("AlarmName", name);
    alarm.put("AlarmDescription", description);
    alarm.put("EvaluationPeriods", 1);
    alarm.put("Threshold", threshold);
    alarm.put("ComparisonOperator", "GreaterThanThreshold");
    alarm.put("TreatMissingData", "notBreaching");
    alarm.putArray("AlarmActions").add(Template.ref(TOPIC));
    alarm.putArray("OKActions").add(Template.ref(TOPIC));
    alarm.set("Tags", tags.list("monitoring"));
    return alarm;
  }
}
