package com.bellyfed.events.provisioning;

import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.TableDefinition.Index;
import com.bellyfed.events.topology.TableDefinition.Key;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates DynamoDB tables (on demand), adds missing global secondary indexes one at a time as
 * DynamoDB requires, and enables TTL. A table whose primary key differs is reported as a conflict,
 * never dropped.
 */
final class TableProvisioner {

  private final DynamoDbClient dynamoDb;

  TableProvisioner(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  Change apply(TableDefinition table) {
    TableDescription actual;
    try {
      actual = dynamoDb.describeTable(request -> request.tableName(table.name())).table();
    } catch (ResourceNotFoundException missing) {
      create(table);
      enableTtl(table);
      return Provisioner.change("table", table.name(), Action.CREATED, "");
    }
    if (!actual.keySchema().equals(keySchema(table.partitionKey(), table.sortKey()))) {
      return Provisioner.change(
          "table", table.name(), Action.CONFLICT, "key schema is " + actual.keySchema() + "; delete the table to change it");
    }
    List<String> updates = new ArrayList<>();
    Set<String> existingIndexes =
        actual.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
    for (Index index : table.indexes()) {
      if (!existingIndexes.contains(index.name())) {
        addIndex(table, index);
        updates.add("index " + index.name());
      }
    }
    if (enableTtl(table)) {
      updates.add("TTL on " + table.ttlAttribute());
    }
    return updates.isEmpty()
        ? Provisioner.change("table", table.name(), Action.UNCHANGED, "")
        : Provisioner.change("table", table.name(), Action.UPDATED, String.join(", ", updates));
  }

  private void create(TableDefinition table) {
    dynamoDb.createTable(
        request -> {
          request
              .tableName(table.name())
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(attributeDefinitions(table, table.indexes()))
              .keySchema(keySchema(table.partitionKey(), table.sortKey()));
          if (!table.indexes().isEmpty()) {
            request.globalSecondaryIndexes(table.indexes().stream().map(TableProvisioner::index).toList());
          }
        });
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table.name()));
  }

  private void addIndex(TableDefinition table, Index index) {
    dynamoDb.updateTable(
        request ->
            request
                .tableName(table.name())
                .attributeDefinitions(attributeDefinitions(table, List.of(index)))
                .globalSecondaryIndexUpdates(update -> update.create(create -> {
                  GlobalSecondaryIndex gsi = index(index);
                  create.indexName(gsi.indexName()).keySchema(gsi.keySchema()).projection(gsi.projection());
                })));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table.name()));
  }

  /** True if TTL had to be switched on. */
  private boolean enableTtl(TableDefinition table) {
    if (table.ttlAttribute() == null) {
      return false;
    }
    var ttl = dynamoDb.describeTimeToLive(request -> request.tableName(table.name())).timeToLiveDescription();
    boolean enabled =
        (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING)
            && table.ttlAttribute().equals(ttl.attributeName());
    if (enabled) {
      return false;
    }
    dynamoDb.updateTimeToLive(
        request ->
            request
                .tableName(table.name())
                .timeToLiveSpecification(spec -> spec.attributeName(table.ttlAttribute()).enabled(true)));
    return true;
  }

  private static List<AttributeDefinition> attributeDefinitions(TableDefinition table, List<Index> indexes) {
    Map<String, Key> keys = new LinkedHashMap<>();
    keys.put(table.partitionKey().attribute(), table.partitionKey());
    if (table.sortKey() != null) {
      keys.put(table.sortKey().attribute(), table.sortKey());
    }
    for (Index index : indexes) {
      keys.put(index.partitionKey().attribute(), index.partitionKey());
      if (index.sortKey() != null) {
        keys.put(index.sortKey().attribute(), index.sortKey());
      }
    }
    return keys.values().stream()
        .map(
            key ->
                AttributeDefinition.builder()
                    .attributeName(key.attribute())
                    .attributeType(ScalarAttributeType.fromValue(key.type().name()))
                    .build())
        .toList();
  }

  private static List<KeySchemaElement> keySchema(Key partitionKey, Key sortKey) {
    List<KeySchemaElement> schema = new ArrayList<>();
    schema.add(KeySchemaElement.builder().attributeName(partitionKey.attribute()).keyType(KeyType.HASH).build());
    if (sortKey != null) {
      schema.add(KeySchemaElement.builder().attributeName(sortKey.attribute()).keyType(KeyType.RANGE).build());
    }
    return schema;
  }

  private static GlobalSecondaryIndex index(Index index) {
    return GlobalSecondaryIndex.builder()
        .indexName(index.name())
        .keySchema(keySchema(index.partitionKey(), index.sortKey()))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
