package com.bellyfed.write.writing;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.outbox.OutboxRelay;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.publishing.EventFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Commits a write the one way the platform allows: the entity's items and the outbox rows of its
 * events in one {@code TransactWriteItems}, then the relay's fast path publishes the rows. A write
 * that committed always yields its events (the sweeper takes over when EventBridge is down); a
 * write that did not commit leaves nothing behind.
 */
@Component
public class DomainWrites {

  private final DynamoDbClient dynamoDb;
  private final OutboxStore outbox;
  private final OutboxRelay relay;
  private final EventFactory events;
  private final Timer commits;

  DomainWrites(DynamoDbClient dynamoDb, OutboxStore outbox, OutboxRelay relay, EventFactory events, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.outbox = outbox;
    this.relay = relay;
    this.events = events;
    this.commits = Timer.builder("bellyfed.write.commit").description("Entity and outbox transactions").register(registry);
  }

  /** A validated envelope; the sequence number is the aggregate's version after the change. */
  public EventEnvelope event(String eventType, Object payload, long version, @Nullable String userId) {
    return events.create(eventType, payload, version, userId);
  }

  /**
   * Writes {@code items} and the outbox rows of {@code committed} atomically, then relays the rows.
   *
   * @throws CommitConflict when a condition failed; its index is the position in {@code items}
   */
  public void commit(List<TransactWriteItem> items, List<EventEnvelope> committed) {
    List<TransactWriteItem> all = new ArrayList<>(items);
    committed.forEach(event -> all.add(outbox.transactItem(event)));
    try {
      commits.record(() -> dynamoDb.transactWriteItems(request -> request.transactItems(all)));
    } catch (TransactionCanceledException cancelled) {
      throw CommitConflict.of(cancelled);
    }
    relay.relayCommitted(committed);
  }

  /** Why a transaction was cancelled: the first item whose reason is not {@code None}. */
  static int firstFailure(List<CancellationReason> reasons) {
    for (int i = 0; i < reasons.size(); i++) {
      if (!"None".equals(reasons.get(i).code())) {
        return i;
      }
    }
    return -1;
  }
}
