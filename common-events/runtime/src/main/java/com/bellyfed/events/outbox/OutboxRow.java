package com.bellyfed.events.outbox;

import com.bellyfed.events.envelope.EventEnvelope;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One outbox row: an event waiting to be published, or one that failed too often.
 *
 * @param attempts failed publishing attempts so far
 * @param lastError why the last attempt failed
 */
public record OutboxRow(
    EventEnvelope envelope, OutboxState state, Instant createdAt, int attempts, @Nullable String lastError) {

  /** PENDING rows are published by the relay; FAILED rows wait for an operator to resubmit them. */
  public enum OutboxState {
    PENDING,
    FAILED
  }
}
