package com.bellyfed.analytics.ingest;

/**
 * Attribute names of the analytics tables (this service owns them; docs/analytics-service.md lists
 * the items).
 *
 * <p>analytics-events ({@code eventId}; TTL {@code expiresAt}): one enriched event. GSIs
 * {@code analytics-service-time-index} ({@code serviceEventType} = service#eventType,
 * {@code timestamp}) and {@code analytics-service-index} ({@code service}, {@code timestamp}).
 *
 * <p>analytics-aggregates ({@code series}, {@code bucketStart}; TTL {@code expiresAt}): one shard of
 * one minute of one series, series being service#eventType or service#* (every type of the service),
 * bucketStart the minute ({@code 2026-11-25T01:05Z}) for shard 0 and the minute + {@code #n} for
 * shard n (one per ingest writer, so that writers never contend for a row; a reader adds a
 * minute's shards up). Counts are {@code count}, {@code failures}, {@code durationSum},
 * {@code cat_<CATEGORY>}, and the sketch's bins.
 */
final class AnalyticsTable {

  static final String ALL_TYPES = "*";
  static final String BY_TYPE_INDEX = "analytics-service-time-index";
  static final String BY_SERVICE_INDEX = "analytics-service-index";
  static final String CATEGORY_PREFIX = "cat_";

  private AnalyticsTable() {}

  static String series(String service, String eventType) {
    return service + "#" + eventType;
  }

  static String bucketStart(String minute, int shard) {
    return shard == 0 ? minute : minute + "#" + shard;
  }
}
