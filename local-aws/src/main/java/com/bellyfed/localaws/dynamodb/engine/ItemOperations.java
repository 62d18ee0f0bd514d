package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.Condition;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.Projection;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.expressions.Update;
import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** GetItem, PutItem, UpdateItem and DeleteItem. */
public final class ItemOperations {

  private final Database database;
  private final Writer writer;

  public ItemOperations(Database database) {
    this.database = database;
    this.writer = new Writer(database);
  }

  // ---- GetItem

  public byte[] getItem(JsonNode request) {
    RequestExpressions expressions = ExpressionCompiler.compile(Context.GET_ITEM, request);
    Table table = database.table(request.path("TableName").asString(""));
    KeySchema schema = table.meta().keySchema();
    Map<String, Value> key = ValueJson.readMap(request.path("Key"));
    KeyValidation.key(key, schema);
    if (expressions.projection() != null) {
      KeyPaths.check(expressions.projection().nestedNames(), table.meta());
    }
    byte[] stored = table.items.get(Keys.tableKey(schema, key));
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    JsonOut out = new JsonOut().start();
    Capacity capacity = new Capacity(table.meta().name());
    if (stored != null) {
      Map<String, Value> item = ItemCodec.decode(stored);
      capacity.table(Capacity.readUnits(Sizes.item(item), consistent));
      Projection projection = expressions.projection();
      out.item("Item", projection == null ? item : projection.project(item));
    } else {
      capacity.table(Capacity.readUnits(0, consistent));
    }
    capacity.write(out, Capacity.mode(request));
    return out.end().toBytes();
  }

  // ---- PutItem

  public byte[] putItem(JsonNode request) {
    RequestExpressions expressions = ExpressionCompiler.compile(Context.PUT_ITEM, request);
    Table table = database.table(request.path("TableName").asString(""));
    Map<String, Value> item = ValueJson.readMap(request.path("Item"));
    KeyValidation.item(item, table.meta());
    Condition condition = expressions.condition();
    boolean itemOnFailure = itemOnConditionFailure(request);
    Writer.Outcome outcome =
        writer.write(table, Keys.tableKey(table.meta().keySchema(), item), current -> {
          check(condition, current, itemOnFailure);
          return item;
        });
    JsonOut out = new JsonOut().start();
    if ("ALL_OLD".equals(request.path("ReturnValues").asString("")) && outcome.before() != null) {
      out.item("Attributes", outcome.before());
    }
    writeCapacity(table, outcome, false).write(out, Capacity.mode(request));
    itemCollectionMetrics(out, request, table, item);
    return out.end().toBytes();
  }

  // ---- DeleteItem

  public byte[] deleteItem(JsonNode request) {
    RequestExpressions expressions = ExpressionCompiler.compile(Context.DELETE_ITEM, request);
    Table table = database.table(request.path("TableName").asString(""));
    KeySchema schema = table.meta().keySchema();
    Map<String, Value> key = ValueJson.readMap(request.path("Key"));
    KeyValidation.key(key, schema);
    Condition condition = expressions.condition();
    boolean itemOnFailure = itemOnConditionFailure(request);
    Writer.Outcome outcome =
        writer.write(table, Keys.tableKey(schema, key), current -> {
          check(condition, current, itemOnFailure);
          return current == null ? Writer.UNCHANGED : null;
        });
    JsonOut out = new JsonOut().start();
    if ("ALL_OLD".equals(request.path("ReturnValues").asString("")) && outcome.before() != null) {
      out.item("Attributes", outcome.before());
    }
    writeCapacity(table, outcome, false).write(out, Capacity.mode(request));
    itemCollectionMetrics(out, request, table, key);
    return out.end().toBytes();
  }

  // ---- UpdateItem

  public byte[] updateItem(JsonNode request) {
    RequestExpressions expressions = ExpressionCompiler.compile(Context.UPDATE_ITEM, request);
    Table table = database.table(request.path("TableName").asString(""));
    TableMeta meta = table.meta();
    Map<String, Value> key = ValueJson.readMap(request.path("Key"));
    KeyValidation.key(key, meta.keySchema());
    Update update = expressions.update();
    Updates.checkKeyAttributes(update, meta);
    Condition condition = expressions.condition();
    boolean itemOnFailure = itemOnConditionFailure(request);
    Writer.Outcome outcome =
        writer.write(table, Keys.tableKey(meta.keySchema(), key), current -> {
          check(condition, current, itemOnFailure);
          return Updates.apply(update, current, key, meta);
        });
    JsonOut out = new JsonOut().start();
    Map<String, Value> attributes = Updates.returnValues(request.path("ReturnValues").asString("NONE"), update, outcome);
    if (attributes != null) {
      out.item("Attributes", attributes);
    }
    writeCapacity(table, outcome, false).write(out, Capacity.mode(request));
    itemCollectionMetrics(out, request, table, key);
    return out.end().toBytes();
  }

  // ---- shared

  static boolean itemOnConditionFailure(JsonNode request) {
    return "ALL_OLD".equals(request.path("ReturnValuesOnConditionCheckFailure").asString(""));
  }

  static void check(@Nullable Condition condition, @Nullable Map<String, Value> current, boolean itemOnFailure) {
    if (condition != null && !condition.test(current)) {
      throw new DynamoDbException.ConditionalCheckFailed(itemOnFailure ? current : null);
    }
  }

  /** Write units for the table and for every index whose entry the write touched. */
  static Capacity writeCapacity(Table table, Writer.Outcome outcome, boolean transactional) {
    Capacity capacity = new Capacity(table.meta().name());
    double factor = transactional ? 2 : 1;
    capacity.table(factor * Capacity.writeUnits(Math.max(outcome.beforeSize(), outcome.afterSize())));
    KeySchema tableSchema = table.meta().keySchema();
    for (IndexMeta index : table.meta().indexes()) {
      boolean before = outcome.before() != null && Keys.indexKey(index.keySchema(), tableSchema, outcome.before()) != null;
      boolean after = outcome.after() != null && Keys.indexKey(index.keySchema(), tableSchema, outcome.after()) != null;
      if (before || after) {
        int size = Math.max(outcome.beforeSize(), outcome.afterSize());
        capacity.index(index, factor * Capacity.writeUnits(size) * (before && after ? 1 : 1));
      }
    }
    return capacity;
  }

  /** ReturnItemCollectionMetrics SIZE, for tables with local secondary indexes (item collections). */
  static void itemCollectionMetrics(JsonOut out, JsonNode request, Table table, Map<String, Value> keyOrItem) {
    if (!"SIZE".equals(request.path("ReturnItemCollectionMetrics").asString("")) || table.meta().localIndexes().isEmpty()) {
      return;
    }
    String partition = table.meta().keySchema().partitionName();
    Map<String, Value> collectionKey = new LinkedHashMap<>();
    collectionKey.put(partition, keyOrItem.get(partition));
    out.startObject("ItemCollectionMetrics").item("ItemCollectionKey", collectionKey);
    out.startArray("SizeEstimateRangeGB");
    out.generator().writeNumber(0.0);
    out.generator().writeNumber(1.0);
    out.endArray().end();
  }
}
