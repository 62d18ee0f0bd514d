package com.bellyfed.localaws.dynamodb.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A store as the engine is one: a map whose writes are applied and logged as after-images while
 * the key is locked ({@code ConcurrentHashMap.compute} holds the key's bin lock), and whose
 * snapshot reads each key under the same lock.
 */
final class KeyValueModel implements SnapshotSource {

  private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
  private @Nullable Journal journal;

  void attach(Journal journal) {
    this.journal = journal;
  }

  /** Writes (or, with {@code null}, deletes) a key; returns the ticket to wait for. */
  long write(String key, @Nullable String value) {
    long[] ticket = new long[1];
    map.compute(key, (k, old) -> {
      ticket[0] = journal().append(encode(k, value));
      return value;
    });
    return ticket[0];
  }

  @Override
  public void writeTo(Consumer<byte[]> out) {
    for (String key : map.keySet()) {
      map.computeIfPresent(key, (k, value) -> {
        out.accept(encode(k, value));
        return value;
      });
    }
  }

  /** Replays one record. */
  void apply(byte[] record) {
    ByteBuffer buffer = ByteBuffer.wrap(record);
    String key = string(buffer);
    if (buffer.get() == 0) {
      map.remove(key);
    } else {
      map.put(key, string(buffer));
    }
  }

  Map<String, String> contents() {
    return new TreeMap<>(map);
  }

  private Journal journal() {
    Journal attached = journal;
    if (attached == null) {
      throw new IllegalStateException("no journal attached");
    }
    return attached;
  }

  static byte[] encode(String key, @Nullable String value) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] v = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(4 + k.length + 1 + 4 + v.length);
    buffer.putInt(k.length).put(k).put((byte) (value == null ? 0 : 1)).putInt(v.length).put(v);
    return buffer.array();
  }

  private static String string(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.getInt()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
