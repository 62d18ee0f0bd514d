package com.bellyfed.events.topology;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table (on-demand capacity) with its key schema, global secondary indexes and TTL.
 *
 * @param name the table name
 * @param partitionKey the hash key
 * @param sortKey the range key, if any
 * @param indexes global secondary indexes, projecting all attributes
 * @param ttlAttribute the epoch-seconds attribute DynamoDB expires items by, if any
 */
public record TableDefinition(
    String name,
    Key partitionKey,
    @Nullable Key sortKey,
    List<Index> indexes,
    @Nullable String ttlAttribute) {

  /** A key attribute and its DynamoDB scalar type. */
  public record Key(String attribute, KeyType type) {

    public static Key string(String attribute) {
      return new Key(attribute, KeyType.S);
    }

    public static Key number(String attribute) {
      return new Key(attribute, KeyType.N);
    }
  }

  /** DynamoDB scalar types allowed in keys. */
  public enum KeyType {
    S,
    N,
    B
  }

  /** A global secondary index. */
  public record Index(String name, Key partitionKey, @Nullable Key sortKey) {}
}
