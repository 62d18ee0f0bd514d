package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.KeyCodec;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A table's items, stored key to encoded item, and its secondary indexes. Writers hold the item's
 * lock from {@link Locks} while they call {@link #write}; readers read the maps without locks and
 * see each item either before or after a write, never half of one.
 */
final class Table {

  enum Status {
    ACTIVE,
    UPDATING
  }

  private volatile TableMeta meta;
  final ConcurrentSkipListMap<byte[], byte[]> items = new ConcurrentSkipListMap<>(KeyCodec.ORDER);
  private volatile List<IndexStore> indexes;
  private final AtomicLong itemCount = new AtomicLong();
  private final AtomicLong sizeBytes = new AtomicLong();
  private volatile Status status = Status.ACTIVE;
  /** Items by expiry time, while TTL is enabled: what the sweeper deletes, without scanning the table. */
  final ConcurrentSkipListSet<Expiry> expiries = new ConcurrentSkipListSet<>();

  /** When an item expires (epoch seconds) and its stored key. */
  record Expiry(long at, byte[] key) implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry other) {
      int order = Long.compare(at, other.at);
      return order != 0 ? order : KeyCodec.compare(key, other.key);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Expiry that && compareTo(that) == 0;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(at) * 31 + java.util.Arrays.hashCode(key);
    }
  }

  Table(TableMeta meta) {
    this.meta = meta;
    this.indexes = List.of();
    resetIndexes();
  }

  /** During recovery: index stores as the declaration says, empty until {@link #rebuild}. */
  void resetIndexes() {
    List<IndexStore> stores = new ArrayList<>();
    for (IndexMeta index : meta.indexes()) {
      stores.add(new IndexStore(index, meta.keySchema(), IndexStore.Status.ACTIVE));
    }
    indexes = List.copyOf(stores);
  }

  /** During recovery, once every record is replayed: counts, index entries and expiries from the items. */
  void rebuild() {
    resetIndexes();
    expiries.clear();
    itemCount.set(0);
    sizeBytes.set(0);
    String ttl = meta.ttlAttribute();
    for (Map.Entry<byte[], byte[]> entry : items.entrySet()) {
      Map<String, Value> item = com.bellyfed.localaws.dynamodb.model.ItemCodec.decode(entry.getValue());
      itemCount.incrementAndGet();
      sizeBytes.addAndGet(com.bellyfed.localaws.dynamodb.model.Sizes.item(item));
      for (IndexStore index : indexes) {
        index.update(null, item, entry.getValue());
      }
      Long expiry = ttl == null ? null : Ttl.expiry(item.get(ttl));
      if (expiry != null) {
        expiries.add(new Expiry(expiry, entry.getKey()));
      }
    }
  }

  TableMeta meta() {
    return meta;
  }

  void meta(TableMeta newMeta) {
    this.meta = newMeta;
  }

  Status status() {
    return status;
  }

  void status(Status newStatus) {
    status = newStatus;
  }

  List<IndexStore> indexes() {
    return indexes;
  }

  Optional<IndexStore> index(String name) {
    for (IndexStore index : indexes) {
      if (index.meta().name().equals(name)) {
        return Optional.of(index);
      }
    }
    return Optional.empty();
  }

  /** Adds an index writers maintain from now on; its existing entries come from a backfill. */
  synchronized void addIndex(IndexStore index) {
    List<IndexStore> stores = new ArrayList<>(indexes);
    stores.add(index);
    indexes = List.copyOf(stores);
  }

  synchronized void removeIndex(String name) {
    List<IndexStore> stores = new ArrayList<>(indexes);
    stores.removeIf(index -> index.meta().name().equals(name));
    indexes = List.copyOf(stores);
  }

  long itemCount() {
    return itemCount.get();
  }

  long sizeBytes() {
    return sizeBytes.get();
  }

  /**
   * Replaces (or with a null new item, deletes) the item at {@code key} and moves its index entries.
   * The caller holds the item's lock and has decoded the old item if there was one.
   */
  void write(
      byte[] key,
      @Nullable Map<String, Value> oldItem, int oldSize,
      @Nullable Map<String, Value> newItem, byte @Nullable [] newBytes, int newSize) {
    if (newBytes == null) {
      items.remove(key);
    } else {
      items.put(key, newBytes);
    }
    maintain(key, oldItem, oldSize, newItem, newBytes, newSize);
  }

  /**
   * Counts, index entries and expiries after the item at {@code key} changed from {@code oldItem} to
   * {@code newItem} in {@link #items}; the caller holds the item's lock.
   */
  void maintain(
      byte[] key,
      @Nullable Map<String, Value> oldItem, int oldSize,
      @Nullable Map<String, Value> newItem, byte @Nullable [] newBytes, int newSize) {
    if (oldItem == null && newItem != null) {
      itemCount.incrementAndGet();
    } else if (oldItem != null && newItem == null) {
      itemCount.decrementAndGet();
    }
    sizeBytes.addAndGet((long) newSize - oldSize);
    for (IndexStore index : indexes) {
      index.update(oldItem, newItem, newBytes);
    }
    String ttl = meta.ttlAttribute();
    if (ttl != null) {
      Long oldExpiry = oldItem == null ? null : Ttl.expiry(oldItem.get(ttl));
      Long newExpiry = newItem == null ? null : Ttl.expiry(newItem.get(ttl));
      if (oldExpiry != null && !oldExpiry.equals(newExpiry)) {
        expiries.remove(new Expiry(oldExpiry, key));
      }
      if (newExpiry != null) {
        expiries.add(new Expiry(newExpiry, key));
      }
    }
  }
}
