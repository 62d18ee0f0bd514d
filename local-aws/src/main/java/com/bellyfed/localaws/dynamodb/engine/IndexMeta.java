package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import java.util.List;

/**
 * A secondary index as declared: global or local, its key, and what it projects.
 *
 * @param nonKeyAttributes the attributes an INCLUDE projection adds to the keys, in the order given
 */
public record IndexMeta(
    String name,
    boolean global,
    KeySchema keySchema,
    ProjectionType projection,
    List<String> nonKeyAttributes,
    Throughput throughput) {

  public IndexMeta {
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }

  public enum ProjectionType {
    ALL,
    KEYS_ONLY,
    INCLUDE
  }

  public IndexMeta withThroughput(Throughput newThroughput) {
    return new IndexMeta(name, global, keySchema, projection, nonKeyAttributes, newThroughput);
  }

  /** Whether an attribute of the base item is copied into this index. */
  public boolean projects(String attribute, KeySchema table) {
    return projection == ProjectionType.ALL
        || keySchema.isKeyAttribute(attribute)
        || table.isKeyAttribute(attribute)
        || (projection == ProjectionType.INCLUDE && nonKeyAttributes.contains(attribute));
  }
}
