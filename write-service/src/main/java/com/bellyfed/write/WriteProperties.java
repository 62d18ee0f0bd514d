package com.bellyfed.write;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the write-service, under {@code bellyfed.write}. The attempts of one rating update
 * against concurrent updates of the same restaurant, and the waits between them, are
 * {@code resilience4j.retry.instances.ratings}.
 *
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} and its first response are kept for replays
 * @param ratingConcurrency rating events handled at once by one instance (the rating listener's maxConcurrentMessages)
 */
@ConfigurationProperties("bellyfed.write")
public record WriteProperties(
    @DefaultValue("24h") Duration idempotencyKeyRetention,
    @DefaultValue("3") int ratingConcurrency) {}
