package com.bellyfed.deploy.cloudformation;

import static com.bellyfed.deploy.cloudformation.Alarms.SERVICES;
import static com.bellyfed.deploy.cloudformation.Alarms.base;
import static com.bellyfed.deploy.cloudformation.Alarms.periods;
import static com.bellyfed.deploy.cloudformation.Alarms.single;

import com.bellyfed.deploy.cloudformation.Alarms.Queries;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alarms on the services' own meters, which Micrometer's CloudWatch registry puts into {@code Bellyfed/{env}}
 * under the meter's name with a suffix per statistic (a counter {@code .count}; a timer {@code .count}, {@code .sum},
 * and {@code .max} in milliseconds once it recorded anything; a gauge {@code .value}) and every tag as a dimension,
 * the common {@code application} and {@code environment} among them (analytics-service's
 * CloudWatchExportIntegrationTests proves each name and dimension set used here arrives). CloudWatch matches a metric
 * only with all its dimensions, so where a rule aggregates over a tag, each of the tag's series is named and the
 * alarm's metric math aggregates them.
 *
 * <p>Presence (a rule on {@code absent()}) is a metric's samples missing: the statistic {@code SampleCount} below 1,
 * missing data breaching. Those alarms exist only when the template's {@code ServiceMetricsInCloudWatch} is
 * {@code true} (the default; ECS exports, the chart only with {@code cloudwatch.enabled}), since without the export
 * every one of them would be in alarm.
 */
final class ServiceMeterAlarms {

  static final String METRICS_EXPORTED = "ServiceMetricsInCloudWatch";
  private static final String EXPORTED_CONDITION = "ServiceMetricsExported";

  /**
   * The consumers each service runs ({@code ReliableConsumer}'s {@code consumer} tag: the services' {@code CONSUMER}
   * constants, AlarmsMatchPrometheusRulesTests finds each in its service's code).
   */
  static final Map<String, List<String>> CONSUMERS = consumers();

  private static final List<String> CATEGORIES = List.of("USER_ACTION", "SYSTEM_EVENT", "AUTHENTICATION", "QUERY");

  private static final String ANALYTICS = "analytics-service";

  private ServiceMeterAlarms() {}

  private static Map<String, List<String>> consumers() {
    Map<String, List<String>> consumers = new LinkedHashMap<>();
    consumers.put("write-service", List.of("user-signup", "rating-aggregator"));
    consumers.put("import-service", List.of("import-chunks"));
    consumers.put(ANALYTICS, List.of("analytics-ingest", "error-intake", "event-archive"));
    return consumers;
  }

  static void add(Template template, Topology topology, Tags tags) {
    String env = topology.environment().id();
    template.parameter(METRICS_EXPORTED, "String",
            "Whether the services export their meters to CloudWatch (ECS always; the chart with cloudwatch.enabled):"
                + " without it, the alarms on a service's metrics being absent would never clear")
        .put("Default", "true")
        .putArray("AllowedValues").add("true").add("false");
    ObjectNode exported = Template.object();
    exported.putArray("Fn::Equals").add(Template.ref(METRICS_EXPORTED)).add("true");
    template.condition(EXPORTED_CONDITION, exported);

    String namespace = "Bellyfed/" + env;
    for (String service : SERVICES) {
      Map<String, String> common = Map.of("application", service, "environment", env);
      errorRate(template, tags, env, service);
      single(base(template, tags, "bellyfed-" + env + "-" + service + "-events-dropped", "EventsDropped",
              service + " lost an event: publishing and the outbox spill both failed (the log line 'Dropped event' names it)", 0),
          namespace, "bellyfed.events.dropped.count", "Sum", 300, common);
      single(base(template, tags, "bellyfed-" + env + "-" + service + "-analytics-events-dropped", "AnalyticsEventsDropped",
              service + " served requests whose analytics events it dropped (its analytics recorder was saturated)", 0),
          namespace, "bellyfed.analytics.dropped.count", "Sum", 600, common);
      for (String consumer : CONSUMERS.getOrDefault(service, List.of())) {
        ObjectNode lag = base(template, tags, "bellyfed-" + env + "-" + service + "-" + consumer + "-lag-over-5-minutes",
            "ProcessingDelayOver5Minutes", consumer + " in " + service + " handles events over 5 minutes after they happened", 300_000);
        periods(lag, 2);
        Map<String, String> dimensions = new LinkedHashMap<>(common);
        dimensions.put("consumer", consumer);
        single(lag, namespace, "bellyfed.events.consumer.lag.max", "Maximum", 60, dimensions);
      }
      ObjectNode silent = base(template, tags, "bellyfed-" + env + "-" + service + "-not-reporting", "ServiceNotScraped",
          "no instance of " + service + " reports its metrics: none is running, or none reaches CloudWatch", 1);
      presence(template, silent, 3);
      single(silent, namespace, "process.uptime.value", "SampleCount", 60, common);
    }

    ObjectNode delay = base(template, tags, "bellyfed-" + env + "-analytics-processing-delay-over-5-minutes",
        "AnalyticsProcessingDelayOver5Minutes", "analytics events are stored over 5 minutes after they happened", 300_000);
    periods(delay, 2);
    single(delay, namespace, "bellyfed.analytics.processing.delay.max", "Maximum", 60,
        Map.of("application", ANALYTICS, "environment", env));

    // Every service runs the outbox relay over the one shared table, so each reports the same gauges: the highest counts.
    outbox(template, tags, env, "outbox-rows-failed", "OutboxRowsFailed",
        "outbox rows FAILED: review their lastError, then resubmit them", "bellyfed.outbox.failed.rows.value", 0);
    outbox(template, tags, env, "outbox-row-older-than-a-minute", "OutboxRowOlderThanAMinute",
        "the oldest pending outbox row waits over a minute: the relay cannot publish", "bellyfed.outbox.oldest.age.value", 60_000);

    deadLetterGaugesAbsent(template, tags, topology);
  }

  /** Only analytics-service reports the dead-letter depths; without any of them the DLQ alerts are blind. */
  private static void deadLetterGaugesAbsent(Template template, Tags tags, Topology topology) {
    String env = topology.environment().id();
    ObjectNode alarm = base(template, tags, "bellyfed-" + env + "-dead-letter-gauges-absent", "DeadLetterGaugesAbsent",
        "no dead-letter queue depth is reported (analytics-service down, or its gauges gone): the DLQ alerts are blind", 1);
    presence(template, alarm, 3);
    Queries queries = new Queries(alarm);
    StringBuilder ids = new StringBuilder();
    for (QueueDefinition queue : topology.queues()) {
      if (queue.deadLetter()) {
        Map<String, String> dimensions = Map.of(
            "application", ANALYTICS, "environment", env, "flow", queue.flow(), "queue", queue.name());
        String id = queries.metric("Bellyfed/" + env, "bellyfed.dlq.messages.value", dimensions, 60, "SampleCount");
        ids.append(ids.isEmpty() ? "" : ", ").append(id);
      }
    }
    queries.expression("MAX([" + ids + "])", "bellyfed.dlq.messages samples, most of any queue");
  }

  /** Alarms when the metric has fewer than one sample a period, and when it has none at all. */
  private static void presence(Template template, ObjectNode alarm, int periods) {
    periods(alarm, periods);
    alarm.put("ComparisonOperator", "LessThanThreshold");
    alarm.put("TreatMissingData", "breaching");
    template.resourceNode(Template.logicalId(alarm.path("AlarmName").asString(""), "Alarm")).put("Condition", EXPORTED_CONDITION);
  }

  /** The highest of the services' values of one outbox gauge, against a threshold. */
  private static void outbox(Template template, Tags tags, String env, String suffix, String alert, String description, String metric,
      double threshold) {
    ObjectNode alarm = base(template, tags, "bellyfed-" + env + "-" + suffix, alert, description, threshold);
    Queries queries = new Queries(alarm);
    StringBuilder ids = new StringBuilder();
    for (String service : SERVICES) {
      String id = queries.metric("Bellyfed/" + env, metric, Map.of("application", service, "environment", env), 60, "Maximum");
      ids.append(ids.isEmpty() ? "" : ", ").append(id);
    }
    queries.expression("MAX([" + ids + "])", metric + ", highest of the services");
  }

  /**
   * FAILURE over all of a service's analytics events in 5 minutes, as the Prometheus rule computes it. The counter
   * (analytics-service's) carries the tags service, category and status besides the common ones, so each category's
   * series is named and summed.
   */
  private static void errorRate(Template template, Tags tags, String env, String service) {
    ObjectNode alarm = base(template, tags, "bellyfed-" + env + "-" + service + "-error-rate-over-1-percent", "ErrorRateOver1Percent",
        service + " fails over 1% of its requests", 1);
    Queries queries = new Queries(alarm);
    StringBuilder failed = new StringBuilder();
    StringBuilder all = new StringBuilder();
    for (String status : List.of("FAILURE", "SUCCESS")) {
      for (String category : CATEGORIES) {
        String id = queries.metric("Bellyfed/" + env, "bellyfed.analytics.events.ingested.count", Map.of(
                "application", ANALYTICS, "category", category, "environment", env, "service", service, "status", status),
            300, "Sum");
        String term = "FILL(" + id + ", 0)";
        all.append(all.isEmpty() ? "" : " + ").append(term);
        if (status.equals("FAILURE")) {
          failed.append(failed.isEmpty() ? "" : " + ").append(term);
        }
      }
    }
    queries.expression("100 * (" + failed + ") / (" + all + ")", service + " failed requests, percent");
  }
}
