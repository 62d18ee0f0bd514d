package com.bellyfed.imports.records;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One accepted record of an import, ready to be carried in a chunk and written as an item. */
public sealed interface ImportRecord permits RestaurantRecord, ReviewRecord, UserRecord {

  /**
   * The record with its generated id and creation time filled in. Done once, when the record is
   * read, so that a redelivered chunk writes exactly the same item again.
   */
  ImportRecord prepared(Instant now);

  /**
   * The shared item's value this record carries (shared-data), whose rules it must pass besides its
   * own; null when it carries none.
   */
  @Nullable Object shared();

  /** The item of docs/data-model.md. */
  Map<String, AttributeValue> toItem();
}
