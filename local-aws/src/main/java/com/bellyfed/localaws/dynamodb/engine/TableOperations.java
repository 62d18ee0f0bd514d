package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import tools.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CreateTable, UpdateTable, DeleteTable, DescribeTable, ListTables, the TTL and the tag operations.
 * Requests reach here checked for shape and for the rules that need no table.
 */
public final class TableOperations {

  private final Database database;
  private final TableUpdates updates;
  private final TimeToLiveOperations timeToLive;
  private final Tagging tagging;

  public TableOperations(Database database) {
    this.database = database;
    this.updates = new TableUpdates(database);
    this.timeToLive = new TimeToLiveOperations(database);
    this.tagging = new Tagging(database);
  }

  // ---- CreateTable

  public byte[] createTable(JsonNode request) {
    String name = request.path("TableName").asString("");
    Map<String, Type> definitions = attributeDefinitions(request.path("AttributeDefinitions"));
    KeySchema key = keySchema(request.path("KeySchema"), definitions);
    TableMeta.BillingMode billing =
        "PAY_PER_REQUEST".equals(request.path("BillingMode").asString(null))
            ? TableMeta.BillingMode.PAY_PER_REQUEST
            : TableMeta.BillingMode.PROVISIONED;
    Throughput throughput = billing == TableMeta.BillingMode.PROVISIONED ? throughput(request.path("ProvisionedThroughput")) : Throughput.NONE;
    List<IndexMeta> global = new ArrayList<>();
    for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
      global.add(index(index, true, definitions, billing));
    }
    List<IndexMeta> local = new ArrayList<>();
    for (JsonNode index : request.path("LocalSecondaryIndexes")) {
      local.add(index(index, false, definitions, billing));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode tag : request.path("Tags")) {
      tags.put(tag.path("Key").asString(""), tag.path("Value").asString(""));
    }
    Instant now = database.now();
    TableMeta meta =
        new TableMeta(
            UUID.randomUUID().toString(),
            name,
            database.tableArn(name),
            key,
            definitions,
            billing,
            throughput,
            now,
            billing == TableMeta.BillingMode.PAY_PER_REQUEST ? now : null,
            global,
            local,
            null,
            null,
            tags,
            request.path("DeletionProtectionEnabled").asBoolean(false));
    Table table = database.create(meta);
    // AWS answers CREATING and turns ACTIVE a little later; here the table serves at once, so that
    // a client that waits (as it must on AWS) finds it ACTIVE on its first DescribeTable.
    TableDescriptions.View view = TableDescriptions.View.status("CREATING");
    global.forEach(index -> view.indexStatus.put(index.name(), "CREATING"));
    JsonOut out = new JsonOut().start().field("TableDescription");
    TableDescriptions.describe(out, table, view, now);
    return out.end().toBytes();
  }

  private static Map<String, Type> attributeDefinitions(JsonNode definitions) {
    Map<String, Type> types = new LinkedHashMap<>();
    for (JsonNode definition : definitions) {
      types.put(definition.path("AttributeName").asString(""), Type.valueOf(definition.path("AttributeType").asString("")));
    }
    return types;
  }

  private static KeySchema keySchema(JsonNode elements, Map<String, Type> definitions) {
    String partition = null;
    String sort = null;
    for (JsonNode element : elements) {
      if ("HASH".equals(element.path("KeyType").asString(""))) {
        partition = element.path("AttributeName").asString("");
      } else {
        sort = element.path("AttributeName").asString("");
      }
    }
    if (partition == null || !definitions.containsKey(partition) || (sort != null && !definitions.containsKey(sort))) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions."
              + " Keys: " + keyNames(elements) + ", AttributeDefinitions: " + definitions.keySet());
    }
    return new KeySchema(partition, definitions.get(partition), sort, sort == null ? null : definitions.get(sort));
  }

  private static List<String> keyNames(JsonNode elements) {
    List<String> names = new ArrayList<>();
    elements.forEach(element -> names.add(element.path("AttributeName").asString("")));
    return names;
  }

  private static Throughput throughput(JsonNode node) {
    return node.isMissingNode() || node.isNull()
        ? Throughput.NONE
        : new Throughput(node.path("ReadCapacityUnits").asLong(0), node.path("WriteCapacityUnits").asLong(0));
  }

  static IndexMeta index(JsonNode index, boolean global, Map<String, Type> definitions, TableMeta.BillingMode billing) {
    JsonNode projection = index.path("Projection");
    String type = projection.path("ProjectionType").asString("");
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asString("")));
    return new IndexMeta(
        index.path("IndexName").asString(""),
        global,
        keySchema(index.path("KeySchema"), definitions),
        projectionType(type, nonKey),
        nonKey,
        global && billing == TableMeta.BillingMode.PROVISIONED ? throughput(index.path("ProvisionedThroughput")) : Throughput.NONE);
  }

  /** A projection without a type projects the keys, and the listed attributes where there are any. */
  private static IndexMeta.ProjectionType projectionType(String type, List<String> nonKey) {
    if (!type.isEmpty()) {
      return IndexMeta.ProjectionType.valueOf(type);
    }
    return nonKey.isEmpty() ? IndexMeta.ProjectionType.KEYS_ONLY : IndexMeta.ProjectionType.INCLUDE;
  }

  // ---- DescribeTable, ListTables, DeleteTable

  public byte[] describeTable(JsonNode request) {
    String name = request.path("TableName").asString("");
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    JsonOut out = new JsonOut().start().field("Table");
    TableDescriptions.describe(out, table, TableDescriptions.View.settled(), database.now());
    return out.end().toBytes();
  }

  /** AWS's answer for a table that does not exist, naming the table also when the request gave its ARN. */
  static DynamoDbException notFound(String nameOrArn) {
    return DynamoDbException.resourceNotFound(
        "Requested resource not found: Table: " + Database.tableName(nameOrArn) + " not found");
  }

  public byte[] listTables(JsonNode request) {
    int limit = request.path("Limit").asInt(100);
    String after = request.path("ExclusiveStartTableName").asString(null);
    List<String> names = new ArrayList<>();
    boolean more = false;
    for (String name : database.tableNames()) {
      if (after != null && name.compareTo(after) <= 0) {
        continue;
      }
      if (names.size() == limit) {
        more = true;
        break;
      }
      names.add(name);
    }
    JsonOut out = new JsonOut().start().startArray("TableNames");
    names.forEach(out::arrayString);
    out.endArray();
    if (more) {
      out.string("LastEvaluatedTableName", names.get(names.size() - 1));
    }
    return out.end().toBytes();
  }

  public byte[] deleteTable(JsonNode request) {
    String name = request.path("TableName").asString("");
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    if (table.meta().deletionProtection()) {
      throw DynamoDbException.validation(
          "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
    }
    // While an index is built AWS refuses, even when the table itself is ACTIVE again (DDB-TABLE-150).
    if (table.indexes().stream().anyMatch(index -> index.status() == IndexStore.Status.CREATING)) {
      throw DynamoDbException.resourceInUse(
          "Attempt to change a resource which is still in use: Cannot delete table while indexes are being created, updated, or deleted.");
    }
    if (table.status() != Table.Status.ACTIVE) {
      throw DynamoDbException.resourceInUse(
          "Attempt to change a resource which is still in use: Table is being updated: " + table.meta().name());
    }
    database.drop(table);
    JsonOut out = new JsonOut().start().field("TableDescription");
    TableDescriptions.deleting(out, table, database.now());
    return out.end().toBytes();
  }

  // ---- UpdateTable, TTL, tags

  public byte[] updateTable(JsonNode request) {
    return updates.updateTable(request);
  }

  public byte[] updateTimeToLive(JsonNode request) {
    return timeToLive.updateTimeToLive(request);
  }

  public byte[] describeTimeToLive(JsonNode request) {
    return timeToLive.describeTimeToLive(request);
  }

  public byte[] tagResource(JsonNode request) {
    return tagging.tagResource(request);
  }

  public byte[] untagResource(JsonNode request) {
    return tagging.untagResource(request);
  }

  public byte[] listTagsOfResource(JsonNode request) {
    return tagging.listTagsOfResource(request);
  }
}
