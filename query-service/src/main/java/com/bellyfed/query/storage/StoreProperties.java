package com.bellyfed.query.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reads guard themselves against a slow or failing DynamoDB, under {@code bellyfed.query.dynamodb}.
 *
 * @param attemptTimeout the longest one HTTP attempt may take before the SDK gives up on it
 * @param callTimeout the longest one read may take, retries included; a request waits no longer
 * @param failureRateThreshold the percentage of failed reads in the window that opens the circuit
 * @param slidingWindowSize how many recent reads the failure rate is computed over
 * @param minimumNumberOfCalls reads in the window before the failure rate counts
 * @param openStateWait how long the open circuit answers 503 at once before it probes DynamoDB again
 */
@ConfigurationProperties("bellyfed.query.dynamodb")
public record StoreProperties(
    @DefaultValue("1s") Duration attemptTimeout,
    @DefaultValue("2s") Duration callTimeout,
    @DefaultValue("50") float failureRateThreshold,
    @DefaultValue("20") int slidingWindowSize,
    @DefaultValue("5") int minimumNumberOfCalls,
    @DefaultValue("5s") Duration openStateWait) {}
