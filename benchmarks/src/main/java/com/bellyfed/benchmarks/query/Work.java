package com.bellyfed.benchmarks.query;

import java.util.Locale;
import java.util.Map;

/**
 * What the analytics-on service's measured API requests caused, from its meters and the queues the
 * analytics events land on: the work each GET adds on the shared cores beyond the DynamoDB read.
 */
record Work(
    double requests, double dynamoDbCalls, double eventsRecorded, double eventsDropped, double putEventsCalls,
    double eventsPublished, long analyticsQueued, long archiveQueued) {

  static Work between(Map<String, Double> before, Map<String, Double> after, Map<String, Long> queuedBefore, Map<String, Long> queuedAfter) {
    return new Work(
        delta(before, after, "http_server_requests_seconds_count{uri=/api"),
        delta(before, after, "bellyfed_query_dynamodb_calls_seconds_count"),
        delta(before, after, "bellyfed_analytics_recorded_total"),
        delta(before, after, "bellyfed_analytics_dropped_total"),
        delta(before, after, "bellyfed_events_batch_size_count"),
        delta(before, after, "bellyfed_events_published_total"),
        queuedAfter.get("analytics") - queuedBefore.get("analytics"),
        queuedAfter.get("archive") - queuedBefore.get("archive"));
  }

  private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
    return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
  }

  double perRequest(double count) {
    return requests == 0 ? 0 : count / requests;
  }

  double meanBatch() {
    return putEventsCalls == 0 ? 0 : eventsPublished / putEventsCalls;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%,.0f API requests: %.2f DynamoDB calls, %.2f analytics events recorded (%,.0f dropped), %.2f PutEvents calls (%.2f entries each), %.2f analytics-queue and %.2f archive-queue messages per request",
        requests, perRequest(dynamoDbCalls), perRequest(eventsRecorded), eventsDropped, perRequest(putEventsCalls), meanBatch(),
        perRequest(analyticsQueued), perRequest(archiveQueued));
  }
}
