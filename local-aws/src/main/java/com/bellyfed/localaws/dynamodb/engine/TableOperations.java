package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * CreateTable, UpdateTable, DeleteTable, DescribeTable, ListTables, the TTL and the tag operations.
 * Requests reach here checked for shape and for the rules that need no table.
 */
public final class TableOperations {

  private final Database database;

  public TableOperations(Database database) {
    this.database = database;
  }

  // ---- CreateTable

  public byte[] createTable(JsonNode request) {
    String name = request.path("TableName").asText();
    Map<String, Type> definitions = attributeDefinitions(request.path("AttributeDefinitions"));
    KeySchema key = keySchema(request.path("KeySchema"), definitions);
    TableMeta.BillingMode billing =
        "PAY_PER_REQUEST".equals(request.path("BillingMode").asText(null))
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
      tags.put(tag.path("Key").asText(), tag.path("Value").asText());
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
            tags,
            request.path("DeletionProtectionEnabled").asBoolean(false));
    Table table = database.create(meta);
    // AWS answers CREATING and turns ACTIVE a little later; here the table serves at once, so that
    // a client that waits (as it must on AWS) finds it ACTIVE on its first DescribeTable.
    JsonOut out = new JsonOut().start().field("TableDescription");
    describe(out, table, "CREATING", "CREATING");
    return out.end().toBytes();
  }

  private static Map<String, Type> attributeDefinitions(JsonNode definitions) {
    Map<String, Type> types = new LinkedHashMap<>();
    for (JsonNode definition : definitions) {
      types.put(definition.path("AttributeName").asText(), Type.valueOf(definition.path("AttributeType").asText()));
    }
    return types;
  }

  private static KeySchema keySchema(JsonNode elements, Map<String, Type> definitions) {
    String partition = null;
    String sort = null;
    for (JsonNode element : elements) {
      if ("HASH".equals(element.path("KeyType").asText())) {
        partition = element.path("AttributeName").asText();
      } else {
        sort = element.path("AttributeName").asText();
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
    elements.forEach(element -> names.add(element.path("AttributeName").asText()));
    return names;
  }

  private static Throughput throughput(JsonNode node) {
    return node.isMissingNode() || node.isNull()
        ? Throughput.NONE
        : new Throughput(node.path("ReadCapacityUnits").asLong(), node.path("WriteCapacityUnits").asLong());
  }

  private static IndexMeta index(JsonNode index, boolean global, Map<String, Type> definitions, TableMeta.BillingMode billing) {
    JsonNode projection = index.path("Projection");
    String type = projection.path("ProjectionType").asText("");
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
    return new IndexMeta(
        index.path("IndexName").asText(),
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
    String name = request.path("TableName").asText();
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    JsonOut out = new JsonOut().start().field("Table");
    describe(out, table, null, null);
    return out.end().toBytes();
  }

  static DynamoDbException notFound(String name) {
    return DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
  }

  public byte[] listTables(JsonNode request) {
    int limit = request.path("Limit").asInt(100);
    String after = request.path("ExclusiveStartTableName").asText(null);
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
    String name = request.path("TableName").asText();
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    if (table.meta().deletionProtection()) {
      throw DynamoDbException.validation(
          "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
    }
    if (table.status() != Table.Status.ACTIVE) {
      throw DynamoDbException.resourceInUse("Attempt to change a resource which is still in use: Table is being updated: " + name);
    }
    database.drop(table);
    JsonOut out = new JsonOut().start().field("TableDescription");
    describe(out, table, "DELETING", null);
    return out.end().toBytes();
  }

  // ---- UpdateTable

  public byte[] updateTable(JsonNode request) {
    String name = request.path("TableName").asText();
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    synchronized (table) {
      if (table.status() != Table.Status.ACTIVE) {
        throw DynamoDbException.resourceInUse(
            "Attempt to change a resource which is still in use: Table is being updated: " + name);
      }
      TableMeta meta = table.meta();
      Map<String, Type> definitions = new LinkedHashMap<>(meta.attributeDefinitions());
      definitions.putAll(attributeDefinitions(request.path("AttributeDefinitions")));
      TableMeta.BillingMode billing = meta.billingMode();
      if (request.hasNonNull("BillingMode")) {
        billing = TableMeta.BillingMode.valueOf(request.path("BillingMode").asText());
      }
      if (request.hasNonNull("ProvisionedThroughput") && billing == TableMeta.BillingMode.PAY_PER_REQUEST) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
                + " specified when BillingMode is PAY_PER_REQUEST");
      }
      Throughput throughput = meta.throughput();
      if (request.hasNonNull("ProvisionedThroughput")) {
        throughput = throughput(request.path("ProvisionedThroughput"));
      } else if (billing == TableMeta.BillingMode.PAY_PER_REQUEST) {
        throughput = Throughput.NONE;
      }
      Instant billingChanged = billing != meta.billingMode() && billing == TableMeta.BillingMode.PAY_PER_REQUEST
          ? database.now() : meta.billingModeChangedAt();
      TableMeta updated = meta.withBilling(billing, throughput, billingChanged);
      if (request.has("DeletionProtectionEnabled")) {
        updated = updated.withDeletionProtection(request.path("DeletionProtectionEnabled").asBoolean());
      }

      List<IndexMeta> global = new ArrayList<>(meta.globalIndexes());
      IndexStore created = null;
      for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
        if (update.hasNonNull("Create")) {
          IndexMeta index = index(update.path("Create"), true, definitions, billing);
          if (meta.index(index.name()).isPresent()) {
            throw DynamoDbException.validation(
                "One or more parameter values were invalid: Table already has an index: " + index.name());
          }
          global.add(index);
          created = new IndexStore(index, meta.keySchema(), IndexStore.Status.CREATING);
        } else if (update.hasNonNull("Delete")) {
          String indexName = update.path("Delete").path("IndexName").asText();
          if (global.stream().noneMatch(index -> index.name().equals(indexName))) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
          }
          global.removeIf(index -> index.name().equals(indexName));
          table.removeIndex(indexName);
        } else if (update.hasNonNull("Update")) {
          String indexName = update.path("Update").path("IndexName").asText();
          int position = indexOf(global, indexName);
          if (position < 0) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
          }
          IndexMeta old = global.get(position);
          global.set(position, new IndexMeta(old.name(), true, old.keySchema(), old.projection(), old.nonKeyAttributes(),
              throughput(update.path("Update").path("ProvisionedThroughput"))));
        }
      }
      updated = updated.withGlobalIndexes(global, definitions);
      if (created != null) {
        table.status(Table.Status.UPDATING);
        table.addIndex(created);
      }
      database.declare(table, updated);
      if (created != null) {
        database.backfill(table, created);
      }
      JsonOut out = new JsonOut().start().field("TableDescription");
      describe(out, table, created != null || billing != meta.billingMode() ? "UPDATING" : null, null);
      return out.end().toBytes();
    }
  }

  private static int indexOf(List<IndexMeta> indexes, String name) {
    for (int i = 0; i < indexes.size(); i++) {
      if (indexes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  // ---- TTL

  public byte[] updateTimeToLive(JsonNode request) {
    String name = request.path("TableName").asText();
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    JsonNode specification = request.path("TimeToLiveSpecification");
    String attribute = specification.path("AttributeName").asText();
    boolean enable = specification.path("Enabled").asBoolean();
    synchronized (table) {
      String current = table.meta().ttlAttribute();
      if (enable && current != null) {
        throw DynamoDbException.validation("TimeToLive is already enabled");
      }
      if (!enable && current == null) {
        throw DynamoDbException.validation("TimeToLive is already disabled");
      }
      if (!enable && !current.equals(attribute)) {
        throw DynamoDbException.validation(
            "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
      }
      database.declare(table, table.meta().withTtl(enable ? attribute : null));
      if (enable) {
        database.indexExpiries(table);
      } else {
        table.expiries.clear();
      }
    }
    return new JsonOut().start().startObject("TimeToLiveSpecification")
        .string("AttributeName", attribute).bool("Enabled", enable).end().end().toBytes();
  }

  public byte[] describeTimeToLive(JsonNode request) {
    String name = request.path("TableName").asText();
    Table table = database.find(name).orElseThrow(() -> notFound(name));
    String attribute = table.meta().ttlAttribute();
    JsonOut out = new JsonOut().start().startObject("TimeToLiveDescription");
    if (attribute == null) {
      out.string("TimeToLiveStatus", "DISABLED");
    } else {
      out.string("TimeToLiveStatus", "ENABLED").string("AttributeName", attribute);
    }
    return out.end().end().toBytes();
  }

  // ---- tags

  public byte[] tagResource(JsonNode request) {
    Table table = byArn(request.path("ResourceArn").asText());
    synchronized (table) {
      Map<String, String> tags = new LinkedHashMap<>(table.meta().tags());
      for (JsonNode tag : request.path("Tags")) {
        tags.put(tag.path("Key").asText(), tag.path("Value").asText());
      }
      if (tags.size() > 50) {
        throw DynamoDbException.limitExceeded("The number of tags exceeds the limit for this resource.");
      }
      database.declare(table, table.meta().withTags(tags));
    }
    return new JsonOut().start().end().toBytes();
  }

  public byte[] untagResource(JsonNode request) {
    Table table = byArn(request.path("ResourceArn").asText());
    synchronized (table) {
      Map<String, String> tags = new LinkedHashMap<>(table.meta().tags());
      request.path("TagKeys").forEach(key -> tags.remove(key.asText()));
      database.declare(table, table.meta().withTags(tags));
    }
    return new JsonOut().start().end().toBytes();
  }

  public byte[] listTagsOfResource(JsonNode request) {
    Table table = byArn(request.path("ResourceArn").asText());
    JsonOut out = new JsonOut().start().startArray("Tags");
    table.meta().tags().forEach((key, value) -> out.startObject().string("Key", key).string("Value", value).end());
    return out.endArray().end().toBytes();
  }

  private Table byArn(String arn) {
    String prefix = "arn:aws:dynamodb:";
    int tablePart = arn.indexOf(":table/");
    if (!arn.startsWith(prefix) || tablePart < 0) {
      throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
    String name = arn.substring(tablePart + ":table/".length());
    Table table = database.find(name).orElse(null);
    if (table == null || !table.meta().arn().equals(arn)) {
      throw DynamoDbException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
    }
    return table;
  }

  // ---- the TableDescription shape

  void describe(JsonOut out, Table table, @Nullable String statusOverride, @Nullable String newIndexStatus) {
    TableMeta meta = table.meta();
    out.start();
    out.startArray("AttributeDefinitions");
    meta.attributeDefinitions().forEach((name, type) ->
        out.startObject().string("AttributeName", name).string("AttributeType", type.name()).end());
    out.endArray();
    out.string("TableName", meta.name());
    keySchema(out, meta.keySchema());
    out.string("TableStatus", statusOverride != null ? statusOverride : table.status().name());
    timestamp(out, "CreationDateTime", meta.createdAt());
    out.startObject("ProvisionedThroughput").number("NumberOfDecreasesToday", 0L)
        .number("ReadCapacityUnits", meta.throughput().read()).number("WriteCapacityUnits", meta.throughput().write()).end();
    out.number("TableSizeBytes", table.sizeBytes()).number("ItemCount", table.itemCount());
    out.string("TableArn", meta.arn()).string("TableId", meta.id());
    if (meta.billingMode() == TableMeta.BillingMode.PAY_PER_REQUEST) {
      out.startObject("BillingModeSummary").string("BillingMode", "PAY_PER_REQUEST");
      if (meta.billingModeChangedAt() != null) {
        timestamp(out, "LastUpdateToPayPerRequestDateTime", meta.billingModeChangedAt());
      }
      out.end();
    }
    if (!meta.localIndexes().isEmpty()) {
      out.startArray("LocalSecondaryIndexes");
      for (IndexMeta index : meta.localIndexes()) {
        IndexStore store = table.index(index.name()).orElse(null);
        out.startObject().string("IndexName", index.name());
        keySchema(out, index.keySchema());
        projection(out, index);
        out.number("IndexSizeBytes", store == null ? 0 : store.sizeBytes()).number("ItemCount", store == null ? 0 : store.itemCount());
        out.string("IndexArn", meta.arn() + "/index/" + index.name()).end();
      }
      out.endArray();
    }
    if (!meta.globalIndexes().isEmpty()) {
      out.startArray("GlobalSecondaryIndexes");
      for (IndexMeta index : meta.globalIndexes()) {
        IndexStore store = table.index(index.name()).orElse(null);
        boolean creating = store != null && store.status() == IndexStore.Status.CREATING;
        out.startObject().string("IndexName", index.name());
        keySchema(out, index.keySchema());
        projection(out, index);
        out.string("IndexStatus", newIndexStatus != null ? newIndexStatus : creating ? "CREATING" : "ACTIVE");
        if (creating) {
          out.bool("Backfilling", true);
        }
        out.startObject("ProvisionedThroughput").number("NumberOfDecreasesToday", 0L)
            .number("ReadCapacityUnits", index.throughput().read()).number("WriteCapacityUnits", index.throughput().write()).end();
        out.number("IndexSizeBytes", store == null ? 0 : store.sizeBytes()).number("ItemCount", store == null ? 0 : store.itemCount());
        out.string("IndexArn", meta.arn() + "/index/" + index.name()).end();
      }
      out.endArray();
    }
    out.bool("DeletionProtectionEnabled", meta.deletionProtection());
    out.end();
  }

  private static void keySchema(JsonOut out, KeySchema schema) {
    out.startArray("KeySchema");
    out.startObject().string("AttributeName", schema.partitionName()).string("KeyType", "HASH").end();
    if (schema.sortName() != null) {
      out.startObject().string("AttributeName", schema.sortName()).string("KeyType", "RANGE").end();
    }
    out.endArray();
  }

  private static void projection(JsonOut out, IndexMeta index) {
    out.startObject("Projection").string("ProjectionType", index.projection().name());
    if (index.projection() == IndexMeta.ProjectionType.INCLUDE) {
      out.startArray("NonKeyAttributes");
      index.nonKeyAttributes().forEach(out::arrayString);
      out.endArray();
    }
    out.end();
  }

  /** Epoch seconds with milliseconds, as AWS writes its timestamps. */
  static void timestamp(JsonOut out, String name, Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    try {
      out.generator().writeFieldName(name);
      out.generator().writeNumber(seconds);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
