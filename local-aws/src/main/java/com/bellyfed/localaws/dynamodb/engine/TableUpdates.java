package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import tools.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTable on the table: billing mode and throughput, then the global secondary index actions, in
 * the order AWS checks them, with its messages (observed 2026: ack-api-quirks dynamodb DDB-TABLE-152,
 * -159, -161, -162, -164, -174, -442; dynalite before). The change is applied at once; the answer shows
 * it under way as AWS does, DescribeTable the settled table.
 */
final class TableUpdates {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final int MAX_GLOBAL_INDEXES = 20;
  private static final int MAX_PROJECTED_ATTRIBUTES = 100;
  private static final String PROVISIONED_ONLY = "The only Updates for index: %s when TableThroughputMode is"
      + " PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput";

  private final Database database;

  TableUpdates(Database database) {
    this.database = database;
  }

  byte[] updateTable(JsonNode request) {
    String name = request.path("TableName").asString("");
    Table table = database.find(name).orElseThrow(() -> TableOperations.notFound(name));
    synchronized (table) {
      TableMeta meta = table.meta();
      if (table.status() != Table.Status.ACTIVE) {
        throw DynamoDbException.resourceInUse(
            "Attempt to change a resource which is still in use: Table is being updated: " + meta.name());
      }
      Instant now = database.now();
      IndexActions actions = new IndexActions(request.path("GlobalSecondaryIndexUpdates"));
      checkOnlineIndexLimit(table, actions);
      TableMeta.BillingMode billing = request.hasNonNull("BillingMode")
          ? TableMeta.BillingMode.valueOf(request.path("BillingMode").asString(""))
          : meta.billingMode();
      boolean switched = billing != meta.billingMode();
      TableDescriptions.View view = new TableDescriptions.View();

      Throughput throughput = tableThroughput(request, meta, billing, now, view);
      if (switched && billing == TableMeta.BillingMode.PROVISIONED) {
        for (IndexMeta index : meta.globalIndexes()) {
          if (!actions.deletes(index.name()) && !actions.updatesThroughput(index.name())) {
            throw DynamoDbException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + index.name());
          }
        }
      }
      List<IndexMeta> global = new ArrayList<>();
      for (IndexMeta index : meta.globalIndexes()) {
        global.add(switched ? index.withThroughput(billing == TableMeta.BillingMode.PROVISIONED
            ? index.throughput() : index.throughput().withUnits(0, 0)) : index);
      }
      if (switched) {
        // Every index changes its throughput with the table (dynalite test/updateTable.js; DDB-TABLE-152).
        global.forEach(index -> view.indexStatus.put(index.name(), "UPDATING"));
      }
      applyUpdates(meta, actions, billing, switched, global, now, view);
      List<IndexMeta> deleted = applyDeletes(meta, actions, global, view);
      IndexMeta created = applyCreate(request, meta, actions, billing, global, view);

      Map<String, Type> definitions = usedDefinitions(meta, global, created, request);
      Instant toPayPerRequest = switched && billing == TableMeta.BillingMode.PAY_PER_REQUEST ? now : meta.billingModeChangedAt();
      TableMeta updated = meta.withBilling(billing, throughput, toPayPerRequest).withGlobalIndexes(global, definitions);
      if (request.has("DeletionProtectionEnabled")) {
        updated = updated.withDeletionProtection(request.path("DeletionProtectionEnabled").asBoolean(false));
      }
      for (IndexMeta index : deleted) {
        table.removeIndex(index.name());
      }
      @Nullable IndexStore store = null;
      if (created != null) {
        store = new IndexStore(created, meta.keySchema(), IndexStore.Status.CREATING);
        table.status(Table.Status.UPDATING);
        table.addIndex(store);
      }
      database.declare(table, updated);
      if (store != null) {
        database.backfill(table, store);
      }
      // AWS answers UPDATING to a billing mode even when it does not change (ack-api-quirks dynamodb service.md).
      if (request.hasNonNull("BillingMode") || created != null || !deleted.isEmpty() || !throughput.sameUnits(meta.throughput())) {
        view.tableStatus = "UPDATING";
      } else {
        view.tableStatus = "ACTIVE";
      }
      JsonOut out = new JsonOut().start().field("TableDescription");
      TableDescriptions.describe(out, table, view, now);
      return out.end().toBytes();
    }
  }

  /** One index created or deleted at a time, per request and per table (a LimitExceededException). */
  private static void checkOnlineIndexLimit(Table table, IndexActions actions) {
    boolean building = table.indexes().stream().anyMatch(index -> index.status() == IndexStore.Status.CREATING);
    int online = actions.creates.size() + actions.deletes.size();
    if (online > 1 || (online == 1 && building)) {
      throw DynamoDbException.limitExceeded(
          "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }
  }

  /**
   * The table's new throughput. A change of throughput alone answers with the old one (and the new
   * dates); a switch of billing mode answers with the new one.
   */
  private static Throughput tableThroughput(
      JsonNode request, TableMeta meta, TableMeta.BillingMode billing, Instant now, TableDescriptions.View view) {
    JsonNode requested = request.path("ProvisionedThroughput");
    boolean given = request.hasNonNull("ProvisionedThroughput");
    if (billing == TableMeta.BillingMode.PAY_PER_REQUEST) {
      if (given) {
        throw DynamoDbException.validation(INVALID
            + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      if (meta.billingMode() == TableMeta.BillingMode.PROVISIONED) {
        // Observed: the switch dates a decrease but does not count one (dynalite test/updateTable.js;
        // ack-api-quirks dynamodb DDB-TABLE-153).
        Throughput old = meta.throughput();
        return new Throughput(0, 0, old.lastIncrease(), now, old.decreases());
      }
      return meta.throughput();
    }
    if (!given) {
      return meta.throughput();
    }
    Throughput next = units(requested);
    if (meta.billingMode() == TableMeta.BillingMode.PAY_PER_REQUEST) {
      return meta.throughput().withUnits(next.read(), next.write());
    }
    Throughput current = meta.throughput();
    if (next.sameUnits(current)) {
      throw DynamoDbException.validation(unchanged("the table", "the table", current, next));
    }
    Throughput changed = current.changedTo(next, now);
    view.throughput = new Throughput(current.read(), current.write(), changed.lastIncrease(), changed.lastDecrease(),
        changed.decreases());
    return changed;
  }

  private static void applyUpdates(TableMeta meta, IndexActions actions, TableMeta.BillingMode billing, boolean switched,
      List<IndexMeta> global, Instant now, TableDescriptions.View view) {
    for (JsonNode update : actions.updates) {
      String indexName = update.path("IndexName").asString("");
      int position = position(global, indexName);
      if (position < 0) {
        throw unknownIndex(meta, indexName, "update");
      }
      if (!update.hasNonNull("ProvisionedThroughput")) {
        continue;
      }
      if (billing == TableMeta.BillingMode.PAY_PER_REQUEST) {
        throw DynamoDbException.validation(INVALID + String.format(PROVISIONED_ONLY, indexName));
      }
      IndexMeta index = global.get(position);
      Throughput next = units(update.path("ProvisionedThroughput"));
      if (switched) {
        global.set(position, index.withThroughput(index.throughput().withUnits(next.read(), next.write())));
        continue;
      }
      if (next.sameUnits(index.throughput())) {
        throw DynamoDbException.validation(unchanged("the index " + indexName, "index " + indexName, index.throughput(), next));
      }
      global.set(position, index.withThroughput(index.throughput().changedTo(next, now)));
      // Like the table's, an index's answer shows the old throughput while it is UPDATING (DDB-TABLE-165).
      view.indexStatus.put(indexName, "UPDATING");
      view.indexThroughput.put(indexName, index.throughput());
    }
  }

  private static List<IndexMeta> applyDeletes(
      TableMeta meta, IndexActions actions, List<IndexMeta> global, TableDescriptions.View view) {
    List<IndexMeta> deleted = new ArrayList<>();
    for (JsonNode delete : actions.deletes) {
      String indexName = delete.path("IndexName").asString("");
      int position = position(global, indexName);
      if (position < 0) {
        throw unknownIndex(meta, indexName, "delete");
      }
      deleted.add(global.remove(position));
      view.deletedIndexes.add(deleted.get(deleted.size() - 1));
      view.indexStatus.put(indexName, "DELETING");
    }
    return deleted;
  }

  private static @Nullable IndexMeta applyCreate(JsonNode request, TableMeta meta, IndexActions actions,
      TableMeta.BillingMode billing, List<IndexMeta> global, TableDescriptions.View view) {
    if (actions.creates.isEmpty()) {
      return null;
    }
    JsonNode create = actions.creates.get(0);
    String indexName = create.path("IndexName").asString("");
    if (meta.index(indexName).isPresent()) {
      throw DynamoDbException.validation("Attempting to create an index which already exists");
    }
    if (!request.hasNonNull("AttributeDefinitions")) {
      throw DynamoDbException.validation(INVALID + "AttributeDefinitions is not specified for index: " + indexName);
    }
    Map<String, Type> given = definitions(request);
    List<String> keys = new ArrayList<>();
    create.path("KeySchema").forEach(element -> keys.add(element.path("AttributeName").asString("")));
    if (!given.keySet().containsAll(keys)) {
      throw DynamoDbException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + new HashSet<>(keys) + ", AttributeDefinitions: " + new HashSet<>(given.keySet()));
    }
    boolean throughputGiven = create.hasNonNull("ProvisionedThroughput");
    if (billing == TableMeta.BillingMode.PROVISIONED && !throughputGiven) {
      throw DynamoDbException.validation(INVALID
          + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: " + indexName);
    }
    if (billing == TableMeta.BillingMode.PAY_PER_REQUEST && throughputGiven) {
      throw DynamoDbException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: "
          + indexName + " when BillingMode is PAY_PER_REQUEST");
    }
    if (meta.globalIndexes().size() >= MAX_GLOBAL_INDEXES) {
      throw DynamoDbException.limitExceeded(
          "Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of " + MAX_GLOBAL_INDEXES);
    }
    // The 100 projected attributes a table's indexes may have between them hold for a new index too
    // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes).
    int projected = 0;
    for (IndexMeta existing : meta.indexes()) {
      projected += existing.nonKeyAttributes().size();
    }
    for (JsonNode attribute : create.path("Projection").path("NonKeyAttributes")) {
      projected += attribute.isNull() ? 0 : 1;
    }
    if (projected > MAX_PROJECTED_ATTRIBUTES) {
      throw DynamoDbException.validation(INVALID + "Number of projected attributes in all indexes exceeds limit of "
          + MAX_PROJECTED_ATTRIBUTES);
    }
    // A key attribute the table already defines keeps its type, whatever the request says (DDB-TABLE-162).
    Map<String, Type> types = new LinkedHashMap<>(given);
    types.putAll(meta.attributeDefinitions());
    IndexMeta index = TableOperations.index(create, true, types, billing);
    global.add(index);
    view.indexStatus.put(indexName, "CREATING");
    view.allocating.add(indexName);
    return index;
  }

  /**
   * The request's AttributeDefinitions; a JSON null among them is no definition, as a null member is
   * absent everywhere else (the validator lets it through, with the member constraints it has).
   */
  private static Map<String, Type> definitions(JsonNode request) {
    Map<String, Type> definitions = new LinkedHashMap<>();
    for (JsonNode definition : request.path("AttributeDefinitions")) {
      if (definition.isObject()) {
        definitions.put(definition.path("AttributeName").asString(""), Type.valueOf(definition.path("AttributeType").asString("")));
      }
    }
    return definitions;
  }

  /**
   * The attribute definitions the keys of table and indexes use: a new index's from the request (the
   * table's own type winning), none an index no longer uses (AWS drops them with the index, DDB-TABLE-151).
   */
  private static Map<String, Type> usedDefinitions(
      TableMeta meta, List<IndexMeta> global, @Nullable IndexMeta created, JsonNode request) {
    Map<String, Type> available = definitions(request);
    available.putAll(meta.attributeDefinitions());
    Set<String> used = new HashSet<>();
    addKeys(used, meta.keySchema());
    meta.localIndexes().forEach(index -> addKeys(used, index.keySchema()));
    global.forEach(index -> addKeys(used, index.keySchema()));
    Map<String, Type> definitions = new LinkedHashMap<>();
    available.forEach((attribute, type) -> {
      if (used.contains(attribute)) {
        definitions.put(attribute, type);
      }
    });
    return definitions;
  }

  private static void addKeys(Set<String> used, KeySchema schema) {
    used.add(schema.partitionName());
    if (schema.sortName() != null) {
      used.add(schema.sortName());
    }
  }

  /** An index the table's GSIs lack: an LSI cannot be changed, any other name is not found. */
  private static DynamoDbException unknownIndex(TableMeta meta, String indexName, String action) {
    Optional<IndexMeta> local = meta.localIndexes().stream().filter(index -> index.name().equals(indexName)).findFirst();
    if (local.isPresent()) {
      return DynamoDbException.validation("Cannot " + action + " an index that is not a GlobalSecondaryIndex: " + indexName);
    }
    return DynamoDbException.resourceNotFound("Requested resource not found: Index " + indexName + " for table " + meta.name());
  }

  /**
   * AWS's refusal of a throughput equal to the current one: for "the table", or for "the index x"
   * whose units are "provisioned for index x".
   */
  private static String unchanged(String what, String owner, Throughput current, Throughput requested) {
    return "The provisioned throughput for " + what + " will not change. The requested value equals the current value."
        + " Current ReadCapacityUnits provisioned for " + owner + ": " + current.read() + "."
        + " Requested ReadCapacityUnits: " + requested.read() + "."
        + " Current WriteCapacityUnits provisioned for " + owner + ": " + current.write() + "."
        + " Requested WriteCapacityUnits: " + requested.write() + "."
        + " Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.";
  }

  private static Throughput units(JsonNode throughput) {
    return new Throughput(throughput.path("ReadCapacityUnits").asLong(0), throughput.path("WriteCapacityUnits").asLong(0));
  }

  private static int position(List<IndexMeta> indexes, String name) {
    for (int i = 0; i < indexes.size(); i++) {
      if (indexes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The request's GlobalSecondaryIndexUpdates by kind, in the order given. */
  private static final class IndexActions {

    final List<JsonNode> creates = new ArrayList<>();
    final List<JsonNode> deletes = new ArrayList<>();
    final List<JsonNode> updates = new ArrayList<>();

    IndexActions(JsonNode indexUpdates) {
      for (JsonNode update : indexUpdates) {
        if (update.hasNonNull("Create")) {
          creates.add(update.path("Create"));
        } else if (update.hasNonNull("Delete")) {
          deletes.add(update.path("Delete"));
        } else if (update.hasNonNull("Update")) {
          updates.add(update.path("Update"));
        }
      }
    }

    boolean deletes(String indexName) {
      return deletes.stream().anyMatch(delete -> delete.path("IndexName").asString("").equals(indexName));
    }

    boolean updatesThroughput(String indexName) {
      return updates.stream().anyMatch(update ->
          update.path("IndexName").asString("").equals(indexName) && update.hasNonNull("ProvisionedThroughput"));
    }
  }
}
