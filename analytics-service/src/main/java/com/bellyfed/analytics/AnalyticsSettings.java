package com.bellyfed.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analytics-service, under {@code bellyfed.analytics}.
 *
 * @param retention how long analytics events and their aggregates are kept before DynamoDB's TTL expires them
 * @param errorRetention how long stored errors are kept
 * @param dlqPollInterval how often the depth of every dead-letter queue is read for the metrics
 * @param replayMaxRate the highest rate, in events per second, a replay job may ask for
 * @param replayDefaultRate the rate of a replay job that asks for none
 * @param replayLease how long a replay job stays with the instance running it after its last progress write
 *     (written about every second); when it runs out, another instance takes the job over
 * @param replayClaimInterval how often an instance looks for running replay jobs whose lease ran out
 * @param maxRange the longest time range a read may cover
 * @param ingestWriters how many transactions storing analytics events may be in flight at once, each
 *     writing its own shard of the aggregate rows
 */
@ConfigurationProperties("bellyfed.analytics")
public record AnalyticsSettings(
    @DefaultValue("90d") Duration retention,
    @DefaultValue("90d") Duration errorRetention,
    @DefaultValue("15s") Duration dlqPollInterval,
    @DefaultValue("500") int replayMaxRate,
    @DefaultValue("50") int replayDefaultRate,
    @DefaultValue("15s") Duration replayLease,
    @DefaultValue("5s") Duration replayClaimInterval,
    @DefaultValue("31d") Duration maxRange,
    @DefaultValue("4") int ingestWriters) {}
