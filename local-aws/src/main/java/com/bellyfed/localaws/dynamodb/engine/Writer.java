package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.DynamoDbException.CancellationReason;
import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies item writes: decided under the item's lock against the item as it is, then logged, then
 * acknowledged once durable. A transaction locks all its items at once (in {@link Locks}' order),
 * decides every action, and either applies them all in one log record or none.
 */
final class Writer {

  /**
   * Decides an item's new value from its current one (null: no item): the new item, null to delete,
   * or {@link #UNCHANGED}. Throws ConditionalCheckFailed or a ValidationException to refuse.
   */
  interface Mutation {
    @Nullable Map<String, Value> apply(@Nullable Map<String, Value> current);
  }

  /** A mutation's answer that leaves the item as it is (a failed-free ConditionCheck, a delete of nothing). */
  static final Map<String, Value> UNCHANGED = Map.of("\u0000unchanged", Value.Null.INSTANCE);

  /**
   * A put whatever the item was (BatchWriteItem's PutRequest), encoded before any lock is taken: a
   * batch swaps it in with one pass over the table's map and learns the old item from the swap.
   */
  record Put(Map<String, Value> item, byte[] encoded, int size) implements Mutation {
    static Put of(Map<String, Value> item) {
      return new Put(item, ItemCodec.encode(item), Sizes.item(item));
    }

    @Override
    public Map<String, Value> apply(@Nullable Map<String, Value> current) {
      return item;
    }
  }

  /** One write of a transaction. */
  record Target(Table table, byte[] key, Mutation mutation) {}

  /** What a write did: the item before and after (both null-able), and their sizes. */
  record Outcome(@Nullable Map<String, Value> before, @Nullable Map<String, Value> after, int beforeSize, int afterSize) {}

  private final Database database;

  Writer(Database database) {
    this.database = database;
  }

  Outcome write(Table table, byte[] key, Mutation mutation) {
    Locks locks = database.locks;
    int stripe = locks.stripe(table.meta().id(), key);
    Outcome outcome;
    long ticket = -1;
    locks.lock(stripe);
    try {
      byte[] currentBytes = table.items.get(key);
      Map<String, Value> current = currentBytes == null ? null : ItemCodec.decode(currentBytes);
      Map<String, Value> next = mutation.apply(current);
      List<LogRecords.ItemImage> images = new ArrayList<>(1);
      outcome = apply(table, key, current, next, images::add);
      if (!images.isEmpty()) {
        ticket = database.logWrites(images);
      }
    } finally {
      locks.unlock(stripe);
    }
    if (ticket >= 0) {
      database.awaitDurable(ticket);
    }
    return outcome;
  }

  /**
   * All or nothing. {@code reasonOnCheckFailure} says, per action, whether a failed condition
   * reports the item (ReturnValuesOnConditionCheckFailure ALL_OLD).
   */
  List<Outcome> transact(List<Target> targets, boolean[] itemOnCheckFailure) {
    Locks locks = database.locks;
    int[] wanted = stripes(targets);
    List<Outcome> outcomes = new ArrayList<>(targets.size());
    long ticket = -1;
    int[] held = locks.lockAll(wanted);
    try {
      List<Map<String, Value>> currents = new ArrayList<>(targets.size());
      List<Map<String, Value>> nexts = new ArrayList<>(targets.size());
      List<CancellationReason> reasons = new ArrayList<>(targets.size());
      boolean cancelled = false;
      for (int i = 0; i < targets.size(); i++) {
        Target target = targets.get(i);
        byte[] currentBytes = target.table().items.get(target.key());
        Map<String, Value> current = currentBytes == null ? null : ItemCodec.decode(currentBytes);
        currents.add(current);
        try {
          nexts.add(target.mutation().apply(current));
          reasons.add(CancellationReason.NONE);
        } catch (DynamoDbException.ConditionalCheckFailed failed) {
          nexts.add(UNCHANGED);
          reasons.add(new CancellationReason("ConditionalCheckFailed", failed.getMessage(),
              itemOnCheckFailure[i] ? current : null));
          cancelled = true;
        } catch (DynamoDbException invalid) {
          nexts.add(UNCHANGED);
          reasons.add(new CancellationReason("ValidationError", invalid.getMessage(), null));
          cancelled = true;
        }
      }
      if (cancelled) {
        throw new DynamoDbException.TransactionCanceled(reasons);
      }
      List<LogRecords.ItemImage> images = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        outcomes.add(apply(targets.get(i).table(), targets.get(i).key(), currents.get(i), nexts.get(i), images::add));
      }
      if (!images.isEmpty()) {
        ticket = database.logWrites(images);
      }
    } finally {
      locks.unlockAll(held);
    }
    if (ticket >= 0) {
      database.awaitDurable(ticket);
    }
    return outcomes;
  }

  /**
   * Writes that are each atomic but not together (BatchWriteItem): no conditions, so nothing to
   * decide; the items are locked together only so that one log record can carry them all.
   */
  List<Outcome> batch(List<Target> targets) {
    Locks locks = database.locks;
    int[] wanted = stripes(targets);
    List<Outcome> outcomes = new ArrayList<>(targets.size());
    long ticket = -1;
    int[] held = locks.lockAll(wanted);
    try {
      List<LogRecords.ItemImage> images = new ArrayList<>(targets.size());
      for (Target target : targets) {
        Table table = target.table();
        if (target.mutation() instanceof Put put) {
          byte[] previous = table.items.put(target.key(), put.encoded());
          Map<String, Value> current = previous == null ? null : ItemCodec.decode(previous);
          int currentSize = current == null ? 0 : Sizes.item(current);
          table.maintain(target.key(), current, currentSize, put.item(), put.encoded(), put.size());
          images.add(new LogRecords.ItemImage(table.meta().id(), target.key(), put.encoded()));
          outcomes.add(new Outcome(current, put.item(), currentSize, put.size()));
          continue;
        }
        byte[] currentBytes = table.items.get(target.key());
        Map<String, Value> current = currentBytes == null ? null : ItemCodec.decode(currentBytes);
        outcomes.add(apply(table, target.key(), current, target.mutation().apply(current), images::add));
      }
      if (!images.isEmpty()) {
        ticket = database.logWrites(images);
      }
    } finally {
      locks.unlockAll(held);
    }
    if (ticket >= 0) {
      database.awaitDurable(ticket);
    }
    return outcomes;
  }

  /** Reads items as one consistent snapshot, holding their locks for the moment it takes (TransactGetItems). */
  List<byte @Nullable []> readTogether(List<Table> tables, List<byte[]> keys) {
    Locks locks = database.locks;
    int[] wanted = new int[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      wanted[i] = locks.stripe(tables.get(i).meta().id(), keys.get(i));
    }
    List<byte[]> items = new ArrayList<>(keys.size());
    int[] held = locks.lockAll(wanted);
    try {
      for (int i = 0; i < keys.size(); i++) {
        items.add(tables.get(i).items.get(keys.get(i)));
      }
    } finally {
      locks.unlockAll(held);
    }
    return items;
  }

  private int[] stripes(List<Target> targets) {
    int[] wanted = new int[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      wanted[i] = database.locks.stripe(targets.get(i).table().meta().id(), targets.get(i).key());
    }
    return wanted;
  }

  private static Outcome apply(
      Table table, byte[] key, @Nullable Map<String, Value> current, @Nullable Map<String, Value> next,
      java.util.function.Consumer<LogRecords.ItemImage> images) {
    int currentSize = current == null ? 0 : Sizes.item(current);
    if (next == UNCHANGED || (current == null && next == null)) {
      return new Outcome(current, current, currentSize, currentSize);
    }
    if (next == null) {
      table.write(key, current, currentSize, null, null, 0);
      images.accept(new LogRecords.ItemImage(table.meta().id(), key, null));
      return new Outcome(current, null, currentSize, 0);
    }
    byte[] encoded = ItemCodec.encode(next);
    int nextSize = Sizes.item(next);
    table.write(key, current, currentSize, next, encoded, nextSize);
    images.accept(new LogRecords.ItemImage(table.meta().id(), key, encoded));
    return new Outcome(current, next, currentSize, nextSize);
  }
}
