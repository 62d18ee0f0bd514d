package com.bellyfed.analytics.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursor of a listing merged from several partitions: where each partition stands, signed
 * like a {@link Cursor} so that an edited cursor is refused instead of silently skipping or
 * repeating items. A partition is absent when it has not been read yet, maps to its last returned
 * item's key when it has, and to an empty key when it is exhausted.
 */
public final class MergedCursor {

  private MergedCursor() {}

  public static String encode(Map<String, Map<String, AttributeValue>> positions, String secret) {
    Map<String, Map<String, String>> plain = new TreeMap<>();
    positions.forEach((partition, key) -> plain.put(partition, Cursor.plain(key)));
    return Cursor.seal(plain, secret);
  }

  /**
   * @throws IllegalArgumentException when the cursor was not made by {@link #encode} with this
   *     secret, or names a partition outside {@code partitions}
   */
  public static @Nullable Map<String, Map<String, AttributeValue>> decode(@Nullable String cursor, String secret, Set<String> partitions) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    Map<String, Map<String, String>> plain = Cursor.open(cursor, secret, new TypeReference<>() {});
    Map<String, Map<String, AttributeValue>> positions = new LinkedHashMap<>();
    plain.forEach((partition, attributes) -> {
      if (!partitions.contains(partition)) {
        throw new IllegalArgumentException("not a cursor of this query: it names the partition " + partition);
      }
      positions.put(partition, Cursor.key(attributes));
    });
    return positions;
  }
}
