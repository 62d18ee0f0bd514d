package com.bellyfed.events.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event runtime, under {@code bellyfed.events}. The AWS endpoint, region and
 * credentials are Spring Cloud AWS's ({@code spring.cloud.aws.*}); breakers and retries are declared
 * under {@code resilience4j.*} ({@code eventbridge}).
 *
 * @param environment the environment whose topology names buses and tables: dev, staging or prod
 * @param service the name written into every envelope's metadata; defaults to the application name
 * @param publisher how events are batched and retried
 * @param outbox how outbox rows are relayed
 * @param consumer how consumed events are deduplicated and retried
 */
@ConfigurationProperties("bellyfed.events")
public record EventsProperties(
    @DefaultValue("dev") String environment,
    @Nullable String service,
    @DefaultValue Publisher publisher,
    @DefaultValue Outbox outbox,
    @DefaultValue Consumer consumer) {

  /**
   * @param bufferCapacity events held in memory before {@code publish} waits
   * @param offerTimeout how long {@code publish} waits for room before spilling to the outbox
   * @param senders threads sending PutEvents calls
   * @param shutdownTimeout how long shutdown may take to flush the buffer
   */
  public record Publisher(
      @DefaultValue("10000") int bufferCapacity,
      @DefaultValue("100ms") Duration offerTimeout,
      @DefaultValue("4") int senders,
      @DefaultValue("10s") Duration shutdownTimeout,
      @DefaultValue("0ms") Duration linger) {}

  /**
   * @param relayEnabled whether this instance runs the relay and its sweeper
   * @param lease how long a claim protects a row from other relays
   * @param sweepAfter how old a PENDING row must be before the sweeper takes it
   * @param sweepInterval how often the sweeper looks
   * @param sweepBatch rows taken per sweep
   * @param maxAttempts failed attempts before a row becomes FAILED
   * @param fastPathWorkers threads publishing rows right after their transaction committed
   * @param fastPathCapacity committed rows waiting for those threads before the sweeper takes over
   */
  public record Outbox(
      @DefaultValue("true") boolean relayEnabled,
      @DefaultValue("30s") Duration lease,
      @DefaultValue("5s") Duration sweepAfter,
      @DefaultValue("1s") Duration sweepInterval,
      @DefaultValue("100") int sweepBatch,
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("4") int fastPathWorkers,
      @DefaultValue("10000") int fastPathCapacity) {}

  /**
   * @param firstBackoff the visibility timeout after a handler's first failure; it doubles with every receive
   * @param maxBackoff the cap of that timeout
   * @param idempotencyRetention how long handled event ids are remembered
   * @param heartbeatInterval how often a running handler's message gets its visibility extended
   * @param heartbeatVisibility the visibility timeout each extension sets
   */
  public record Consumer(
      @DefaultValue("10s") Duration firstBackoff,
      @DefaultValue("5m") Duration maxBackoff,
      @DefaultValue("7d") Duration idempotencyRetention,
      @DefaultValue("20s") Duration heartbeatInterval,
      @DefaultValue("60s") Duration heartbeatVisibility) {}
}
