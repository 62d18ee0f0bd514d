package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The TableDescription shape of DescribeTable and of the answers of CreateTable, UpdateTable and
 * DeleteTable. Those answers show the table on its way (CREATING, UPDATING, DELETING) while the engine
 * has applied the change at once: a {@link View} says how an answer differs from DescribeTable.
 * AttributeDefinitions and NonKeyAttributes come sorted by name, indexes in the order given (observed
 * 2026: ack-api-quirks dynamodb DDB-TABLE-125).
 */
final class TableDescriptions {

  private TableDescriptions() {}

  /** How an answer differs from the table's settled state. */
  static final class View {

    @Nullable String tableStatus;
    /** The throughput an answer shows instead of the table's: AWS echoes the old one while it changes. */
    @Nullable Throughput throughput;
    final Map<String, String> indexStatus = new HashMap<>();
    final Map<String, Throughput> indexThroughput = new HashMap<>();
    /** Indexes already gone from the table that the answer still lists. */
    final List<IndexMeta> deletedIndexes = new ArrayList<>();
    /** GSIs just added by UpdateTable: Backfilling false while AWS allocates their resources. */
    final List<String> allocating = new ArrayList<>();

    static View settled() {
      return new View();
    }

    static View status(String tableStatus) {
      View view = new View();
      view.tableStatus = tableStatus;
      return view;
    }
  }

  static void describe(JsonOut out, Table table, View view, Instant now) {
    TableMeta meta = table.meta();
    out.start();
    out.startArray("AttributeDefinitions");
    new TreeMap<String, Type>(meta.attributeDefinitions()).forEach((name, type) ->
        out.startObject().string("AttributeName", name).string("AttributeType", type.name()).end());
    out.endArray();
    out.string("TableName", meta.name());
    keySchema(out, meta.keySchema());
    out.string("TableStatus", view.tableStatus != null ? view.tableStatus : table.status().name());
    timestamp(out, "CreationDateTime", meta.createdAt());
    throughput(out, view.throughput != null ? view.throughput : meta.throughput(), now);
    out.number("TableSizeBytes", table.sizeBytes()).number("ItemCount", table.itemCount());
    out.string("TableArn", meta.arn()).string("TableId", meta.id());
    billingModeSummary(out, meta);
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
    List<IndexMeta> globals = new ArrayList<>(meta.globalIndexes());
    globals.addAll(view.deletedIndexes);
    if (!globals.isEmpty()) {
      out.startArray("GlobalSecondaryIndexes");
      for (IndexMeta index : globals) {
        globalIndex(out, table, index, view, now);
      }
      out.endArray();
    }
    out.bool("DeletionProtectionEnabled", meta.deletionProtection());
    out.end();
  }

  private static void globalIndex(JsonOut out, Table table, IndexMeta index, View view, Instant now) {
    TableMeta meta = table.meta();
    IndexStore store = table.index(index.name()).orElse(null);
    boolean creating = store != null && store.status() == IndexStore.Status.CREATING;
    out.startObject().string("IndexName", index.name());
    keySchema(out, index.keySchema());
    projection(out, index);
    String status = view.indexStatus.get(index.name());
    out.string("IndexStatus", status != null ? status : creating ? "CREATING" : "ACTIVE");
    // Backfilling is there only for an index UpdateTable added, while it is CREATING (DDB-TABLE-138).
    if (view.allocating.contains(index.name())) {
      out.bool("Backfilling", false);
    } else if (creating && status == null) {
      out.bool("Backfilling", true);
    }
    throughput(out, view.indexThroughput.getOrDefault(index.name(), index.throughput()), now);
    out.number("IndexSizeBytes", store == null ? 0 : store.sizeBytes()).number("ItemCount", store == null ? 0 : store.itemCount());
    out.string("IndexArn", meta.arn() + "/index/" + index.name()).end();
  }

  /**
   * DeleteTable's answer: the table being deleted without its key schema, attribute definitions or
   * indexes (observed: dynalite test/deleteTable.js; the example of the AWS CLI's delete-table page).
   */
  static void deleting(JsonOut out, Table table, Instant now) {
    TableMeta meta = table.meta();
    out.start();
    out.string("TableName", meta.name()).string("TableStatus", "DELETING");
    throughput(out, meta.throughput(), now);
    out.number("TableSizeBytes", table.sizeBytes()).number("ItemCount", table.itemCount());
    out.string("TableArn", meta.arn()).string("TableId", meta.id());
    billingModeSummary(out, meta);
    out.end();
  }

  /**
   * BillingModeSummary: on-demand tables, and tables that were on-demand once (AWS keeps telling when
   * they last became so); a table provisioned from the start has none.
   */
  private static void billingModeSummary(JsonOut out, TableMeta meta) {
    if (meta.billingMode() == TableMeta.BillingMode.PAY_PER_REQUEST || meta.billingModeChangedAt() != null) {
      out.startObject("BillingModeSummary").string("BillingMode", meta.billingMode().name());
      if (meta.billingModeChangedAt() != null) {
        timestamp(out, "LastUpdateToPayPerRequestDateTime", meta.billingModeChangedAt());
      }
      out.end();
    }
  }

  private static void throughput(JsonOut out, Throughput throughput, Instant now) {
    out.startObject("ProvisionedThroughput");
    if (throughput.lastIncrease() != null) {
      timestamp(out, "LastIncreaseDateTime", throughput.lastIncrease());
    }
    if (throughput.lastDecrease() != null) {
      timestamp(out, "LastDecreaseDateTime", throughput.lastDecrease());
    }
    out.number("NumberOfDecreasesToday", (long) throughput.decreasesOn(now))
        .number("ReadCapacityUnits", throughput.read()).number("WriteCapacityUnits", throughput.write()).end();
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
      index.nonKeyAttributes().stream().sorted().forEach(out::arrayString);
      out.endArray();
    }
    out.end();
  }

  /** Epoch seconds with milliseconds, as AWS writes its timestamps. */
  static void timestamp(JsonOut out, String name, Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    out.generator().writeName(name);
    out.generator().writeNumber(seconds);
  }
}
