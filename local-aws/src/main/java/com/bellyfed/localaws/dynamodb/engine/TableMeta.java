package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything declared about a table, immutable: a change makes a new one. The id tells a table from
 * an earlier one of the same name, so that replaying the log never applies one's writes to the other.
 *
 * @param attributeDefinitions the key attributes of table and indexes with their types, in the order given
 * @param billingModeChangedAt when the table last became PAY_PER_REQUEST (AWS's
 *     LastUpdateToPayPerRequestDateTime), null for a table that never was
 * @param ttlAttribute the TTL attribute while TTL is enabled, else null
 * @param ttlChangedAt when TTL was last enabled or disabled: AWS refuses another change for a while
 */
public record TableMeta(
    String id,
    String name,
    String arn,
    KeySchema keySchema,
    Map<String, Type> attributeDefinitions,
    BillingMode billingMode,
    Throughput throughput,
    Instant createdAt,
    @Nullable Instant billingModeChangedAt,
    List<IndexMeta> globalIndexes,
    List<IndexMeta> localIndexes,
    @Nullable String ttlAttribute,
    @Nullable Instant ttlChangedAt,
    Map<String, String> tags,
    boolean deletionProtection) {

  public TableMeta {
    attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
    globalIndexes = List.copyOf(globalIndexes);
    localIndexes = List.copyOf(localIndexes);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  public enum BillingMode {
    PROVISIONED,
    PAY_PER_REQUEST
  }

  public List<IndexMeta> indexes() {
    List<IndexMeta> all = new ArrayList<>(localIndexes);
    all.addAll(globalIndexes);
    return all;
  }

  public Optional<IndexMeta> index(String indexName) {
    return indexes().stream().filter(index -> index.name().equals(indexName)).findFirst();
  }

  public TableMeta withGlobalIndexes(List<IndexMeta> indexes, Map<String, Type> definitions) {
    return new TableMeta(id, name, arn, keySchema, definitions, billingMode, throughput, createdAt,
        billingModeChangedAt, indexes, localIndexes, ttlAttribute, ttlChangedAt, tags, deletionProtection);
  }

  public TableMeta withBilling(BillingMode mode, Throughput newThroughput, @Nullable Instant changedAt) {
    return new TableMeta(id, name, arn, keySchema, attributeDefinitions, mode, newThroughput, createdAt,
        changedAt, globalIndexes, localIndexes, ttlAttribute, ttlChangedAt, tags, deletionProtection);
  }

  public TableMeta withTtl(@Nullable String attribute, Instant changedAt) {
    return new TableMeta(id, name, arn, keySchema, attributeDefinitions, billingMode, throughput, createdAt,
        billingModeChangedAt, globalIndexes, localIndexes, attribute, changedAt, tags, deletionProtection);
  }

  public TableMeta withTags(Map<String, String> newTags) {
    return new TableMeta(id, name, arn, keySchema, attributeDefinitions, billingMode, throughput, createdAt,
        billingModeChangedAt, globalIndexes, localIndexes, ttlAttribute, ttlChangedAt, newTags, deletionProtection);
  }

  public TableMeta withDeletionProtection(boolean enabled) {
    return new TableMeta(id, name, arn, keySchema, attributeDefinitions, billingMode, throughput, createdAt,
        billingModeChangedAt, globalIndexes, localIndexes, ttlAttribute, ttlChangedAt, tags, enabled);
  }
}
