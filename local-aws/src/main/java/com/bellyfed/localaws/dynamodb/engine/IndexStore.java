package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.KeyCodec;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One secondary index's entries: stored index key to the projected item. An ALL projection shares
 * the table's encoded item instead of copying it.
 */
final class IndexStore {

  enum Status {
    CREATING,
    ACTIVE
  }

  private final IndexMeta meta;
  private final KeySchema tableSchema;
  final ConcurrentSkipListMap<byte[], byte[]> entries = new ConcurrentSkipListMap<>(KeyCodec.ORDER);
  private final AtomicLong itemCount = new AtomicLong();
  private final AtomicLong sizeBytes = new AtomicLong();
  private volatile Status status;

  IndexStore(IndexMeta meta, KeySchema tableSchema, Status status) {
    this.meta = meta;
    this.tableSchema = tableSchema;
    this.status = status;
  }

  IndexMeta meta() {
    return meta;
  }

  Status status() {
    return status;
  }

  void activate() {
    status = Status.ACTIVE;
  }

  long itemCount() {
    return itemCount.get();
  }

  long sizeBytes() {
    return sizeBytes.get();
  }

  /**
   * Moves the item's entry from its old index key to its new one; the caller holds the item's lock.
   * Counts follow what the map really held, so a backfill that meets an entry a writer already
   * made counts it once.
   */
  void update(@Nullable Map<String, Value> oldItem, @Nullable Map<String, Value> newItem, byte @Nullable [] newBytes) {
    byte[] oldKey = oldItem == null ? null : Keys.indexKey(meta.keySchema(), tableSchema, oldItem);
    byte[] newKey = newItem == null ? null : Keys.indexKey(meta.keySchema(), tableSchema, newItem);
    if (oldKey != null && (newKey == null || KeyCodec.compare(oldKey, newKey) != 0)) {
      byte[] removed = entries.remove(oldKey);
      if (removed != null) {
        itemCount.decrementAndGet();
        sizeBytes.addAndGet(-removed.length);
      }
    }
    if (newKey != null) {
      byte[] entry = project(newItem, newBytes);
      byte[] replaced = entries.put(newKey, entry);
      if (replaced == null) {
        itemCount.incrementAndGet();
      }
      sizeBytes.addAndGet(entry.length - (replaced == null ? 0 : replaced.length));
    }
  }

  private byte[] project(Map<String, Value> item, byte[] encoded) {
    if (meta.projection() == IndexMeta.ProjectionType.ALL) {
      return encoded;
    }
    return ItemCodec.encode(projected(item));
  }

  Map<String, Value> projected(Map<String, Value> item) {
    Map<String, Value> projected = new LinkedHashMap<>();
    for (Map.Entry<String, Value> attribute : item.entrySet()) {
      if (meta.projects(attribute.getKey(), tableSchema)) {
        projected.put(attribute.getKey(), attribute.getValue());
      }
    }
    return projected;
  }

}
