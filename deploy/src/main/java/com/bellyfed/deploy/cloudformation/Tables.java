package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.TableDefinition.Index;
import com.bellyfed.events.topology.TableDefinition.Key;
import com.bellyfed.events.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tables, on demand, with their indexes and TTL, point-in-time recovery and encryption at rest with a
 * KMS key everywhere; in prod also deletion protection, and CloudFormation keeps a table it would
 * otherwise delete or replace.
 */
final class Tables {

  private Tables() {}

  static String logicalId(String tableName) {
    return Template.logicalId(tableName, "Table");
  }

  static void add(Template template, Topology topology, Tags tags) {
    boolean prod = topology.environment() == Environment.PROD;
    for (TableDefinition table : topology.tables()) {
      String id = logicalId(table.name());
      ObjectNode properties = template.resource(id, "AWS::DynamoDB::Table");
      if (prod) {
        template.resourceNode(id).put("DeletionPolicy", "Retain").put("UpdateReplacePolicy", "Retain");
      }
      properties.put("TableName", table.name());
      properties.put("BillingMode", "PAY_PER_REQUEST");
      Map<String, String> attributes = new LinkedHashMap<>();
      collect(attributes, table.partitionKey());
      collect(attributes, table.sortKey());
      table.indexes().forEach(index -> {
        collect(attributes, index.partitionKey());
        collect(attributes, index.sortKey());
      });
      ArrayNode definitions = properties.putArray("AttributeDefinitions");
      attributes.forEach((name, type) -> definitions.addObject().put("AttributeName", name).put("AttributeType", type));
      properties.set("KeySchema", keySchema(table.partitionKey(), table.sortKey()));
      if (!table.indexes().isEmpty()) {
        ArrayNode indexes = properties.putArray("GlobalSecondaryIndexes");
        for (Index index : table.indexes()) {
          ObjectNode json = indexes.addObject();
          json.put("IndexName", index.name());
          json.set("KeySchema", keySchema(index.partitionKey(), index.sortKey()));
          json.putObject("Projection").put("ProjectionType", "ALL");
        }
      }
      if (table.ttlAttribute() != null) {
        properties.putObject("TimeToLiveSpecification").put("AttributeName", table.ttlAttribute()).put("Enabled", true);
      }
      properties.putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
      properties.putObject("SSESpecification").put("SSEEnabled", true).put("SSEType", "KMS");
      properties.put("DeletionProtectionEnabled", prod);
      properties.set("Tags", tags.list(table.name().replaceFirst("^bellyfed-", "").replaceFirst("-[a-z]+$", "")));
    }
  }

  private static void collect(Map<String, String> attributes, @Nullable Key key) {
    if (key != null) {
      String earlier = attributes.putIfAbsent(key.attribute(), key.type().name());
      if (earlier != null && !earlier.equals(key.type().name())) {
        throw new IllegalStateException("Attribute " + key.attribute() + " is both " + earlier + " and " + key.type());
      }
    }
  }

  private static ArrayNode keySchema(Key partition, @Nullable Key sort) {
    ArrayNode schema = Template.array();
    schema.addObject().put("AttributeName", partition.attribute()).put("KeyType", "HASH");
    if (sort != null) {
      schema.addObject().put("AttributeName", sort.attribute()).put("KeyType", "RANGE");
    }
    return schema;
  }
}
