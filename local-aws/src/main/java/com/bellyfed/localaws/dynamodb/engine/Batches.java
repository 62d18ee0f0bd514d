package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.Projection;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.KeyCodec;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * BatchGetItem and BatchWriteItem
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html): every
 * table and key is checked before anything is read or written; a BatchGetItem answer stays within
 * 16 MB and hands the rest back as UnprocessedKeys.
 */
public final class Batches {

  static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  private final Database database;
  private final Writer writer;

  public Batches(Database database) {
    this.database = database;
    this.writer = new Writer(database);
  }

  private record TableKeys(String name, Table table, JsonNode request, List<Map<String, Value>> keys, RequestExpressions expressions) {}

  public byte[] batchGetItem(JsonNode request) {
    List<TableKeys> tables = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = request.path("RequestItems").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      RequestExpressions expressions = ExpressionCompiler.compile(Context.BATCH_GET_ITEM, entry.getValue());
      Table table = database.table(entry.getKey());
      List<Map<String, Value>> keys = new ArrayList<>();
      TreeSet<byte[]> seen = new TreeSet<>(KeyCodec.ORDER);
      for (JsonNode keyJson : entry.getValue().path("Keys")) {
        Map<String, Value> key = ValueJson.readMap(keyJson);
        KeyValidation.key(key, table.meta().keySchema());
        if (!seen.add(Keys.tableKey(table.meta().keySchema(), key))) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        keys.add(key);
      }
      if (expressions.projection() != null) {
        KeyPaths.check(expressions.projection().nestedNames(), table.meta());
      }
      tables.add(new TableKeys(entry.getKey(), table, entry.getValue(), keys, expressions));
    }
    Capacity.Mode mode = Capacity.mode(request);
    long bytes = 0;
    JsonOut out = new JsonOut().start().startObject("Responses");
    Map<TableKeys, List<Map<String, Value>>> unprocessed = new LinkedHashMap<>();
    List<Capacity> capacities = new ArrayList<>();
    for (TableKeys table : tables) {
      boolean consistent = table.request().path("ConsistentRead").asBoolean(false);
      Capacity capacity = new Capacity(table.name());
      capacities.add(capacity);
      Projection projection = table.expressions().projection();
      out.startArray(table.name());
      for (Map<String, Value> key : table.keys()) {
        byte[] stored = table.table().items.get(Keys.tableKey(table.table().meta().keySchema(), key));
        if (stored == null) {
          capacity.table(Capacity.readUnits(0, consistent));
          continue;
        }
        Map<String, Value> item = ItemCodec.decode(stored);
        int size = Sizes.item(item);
        // The answer stays within 16 MB: an item that would take it over is handed back, and a
        // smaller one after it may still fit (dynalite's actions/batchGetItem.js does the same).
        if (bytes + size > MAX_RESPONSE_BYTES) {
          unprocessed.computeIfAbsent(table, ignored -> new ArrayList<>()).add(key);
          continue;
        }
        bytes += size;
        capacity.table(Capacity.readUnits(size, consistent));
        out.item(projection == null ? item : projection.project(item));
      }
      out.endArray();
    }
    out.end();
    out.startObject("UnprocessedKeys");
    unprocessed.forEach((table, keys) -> {
      out.startObject(table.name()).startArray("Keys");
      keys.forEach(out::item);
      out.endArray();
      copyMember(out, table.request(), "ProjectionExpression");
      copyMember(out, table.request(), "ConsistentRead");
      copyMember(out, table.request(), "ExpressionAttributeNames");
      copyMember(out, table.request(), "AttributesToGet");
      out.end();
    });
    out.end();
    writeCapacities(out, capacities, mode);
    return out.end().toBytes();
  }

  public byte[] batchWriteItem(JsonNode request) {
    List<Writer.Target> targets = new ArrayList<>();
    List<Table> order = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = request.path("RequestItems").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Table table = database.table(entry.getKey());
      TreeSet<byte[]> seen = new TreeSet<>(KeyCodec.ORDER);
      for (JsonNode write : entry.getValue()) {
        byte[] key;
        Writer.Mutation mutation;
        if (write.hasNonNull("PutRequest")) {
          Map<String, Value> item = ValueJson.readMap(write.path("PutRequest").path("Item"));
          KeyValidation.batchItem(item, table.meta());
          key = Keys.tableKey(table.meta().keySchema(), item);
          mutation = Writer.Put.of(item);
        } else {
          Map<String, Value> keyAttributes = ValueJson.readMap(write.path("DeleteRequest").path("Key"));
          KeyValidation.key(keyAttributes, table.meta().keySchema());
          key = Keys.tableKey(table.meta().keySchema(), keyAttributes);
          mutation = current -> current == null ? Writer.UNCHANGED : null;
        }
        if (!seen.add(key)) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        targets.add(new Writer.Target(table, key, mutation));
        order.add(table);
      }
    }
    List<Writer.Outcome> outcomes = writer.batch(targets);
    Map<String, Capacity> capacities = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Table table = order.get(i);
      Capacity written = ItemOperations.writeCapacity(table, outcomes.get(i), false);
      capacities.computeIfAbsent(table.meta().name(), Capacity::new).table(written.total());
    }
    JsonOut out = new JsonOut().start().startObject("UnprocessedItems").end();
    writeCapacities(out, new ArrayList<>(capacities.values()), Capacity.mode(request));
    return out.end().toBytes();
  }

  static void writeCapacities(JsonOut out, List<Capacity> capacities, Capacity.Mode mode) {
    if (mode == Capacity.Mode.NONE) {
      return;
    }
    out.startArray("ConsumedCapacity");
    capacities.forEach(capacity -> capacity.writeObject(out, mode));
    out.endArray();
  }

  private static void copyMember(JsonOut out, JsonNode from, String name) {
    if (from.hasNonNull(name)) {
      out.generator().writeName(name);
      out.generator().writeTree(from.get(name));
    }
  }
}
