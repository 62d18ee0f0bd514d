package com.bellyfed.query.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reads guard themselves against a slow or failing DynamoDB, under {@code bellyfed.query.dynamodb};
 * the circuit breaker around them is {@code resilience4j.circuitbreaker.instances.dynamodb}.
 *
 * @param attemptTimeout the longest one HTTP attempt may take before the SDK gives up on it
 * @param callTimeout the longest one read may take, retries included; a request waits no longer
 */
@ConfigurationProperties("bellyfed.query.dynamodb")
public record StoreProperties(
    @DefaultValue("1s") Duration attemptTimeout,
    @DefaultValue("2s") Duration callTimeout) {}
