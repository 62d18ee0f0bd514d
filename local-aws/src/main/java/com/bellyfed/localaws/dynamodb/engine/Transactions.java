package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.DynamoDbException.CancellationReason;
import com.bellyfed.localaws.dynamodb.expressions.Condition;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.Projection;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.expressions.Update;
import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.KeyCodec;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * TransactWriteItems and TransactGetItems
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html). A
 * transaction locks its items in a fixed order, so contending transactions serialise instead of
 * failing with TransactionConflict; a ClientRequestToken makes a retry within 10 minutes answer
 * as the first call did without writing again.
 */
public final class Transactions {

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

  private final Database database;
  private final Writer writer;
  private final ConcurrentHashMap<String, Remembered> tokens = new ConcurrentHashMap<>();
  // In the order they were remembered, which is the order they expire in: the SDK sends a token with
  // every TransactWriteItems, so expiry must not scan all of the last ten minutes' on each call.
  private final ConcurrentLinkedQueue<Remembered> expiries = new ConcurrentLinkedQueue<>();

  /**
   * A finished idempotent request: a digest of what it asked (its canonical JSON; a 4 MB
   * transaction is not kept for ten minutes) and until when its token holds.
   */
  private record Remembered(String token, byte[] request, Instant until, byte[] response) {}

  public Transactions(Database database) {
    this.database = database;
    this.writer = new Writer(database);
  }

  public byte[] transactWriteItems(JsonNode request) {
    String token = request.path("ClientRequestToken").asString(null);
    Instant now = database.now();
    byte[] canonical = null;
    if (token != null) {
      forgetExpired(now);
      canonical = canonical(request);
      Remembered remembered = tokens.get(token);
      if (remembered != null) {
        if (!MessageDigest.isEqual(remembered.request(), canonical)) {
          throw DynamoDbException.idempotentParameterMismatch(
              "Request with the client token " + token + " has been used before with different parameters.");
        }
        return remembered.response();
      }
    }
    // Every action's expressions first, in request order: AWS refuses a malformed or unused one
    // before it looks up any table or target (paritysuite/dynamodb-conformance
    // tests/tier3/validation-ordering/transactions.test.ts, us-east-1 and eu-west-2, 2026).
    List<String> kinds = new ArrayList<>();
    List<JsonNode> bodies = new ArrayList<>();
    List<RequestExpressions> compiled = new ArrayList<>();
    for (JsonNode action : request.path("TransactItems")) {
      String kind = kind(action);
      kinds.add(kind);
      bodies.add(action.path(kind));
      compiled.add(ExpressionCompiler.compile(context(kind), action.path(kind)));
    }
    List<Writer.Target> targets = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    boolean[] itemOnFailure = new boolean[bodies.size()];
    TreeSet<byte[]> seen = new TreeSet<>(KeyCodec.ORDER);
    long bytes = 0;
    for (int i = 0; i < bodies.size(); i++) {
      JsonNode body = bodies.get(i);
      RequestExpressions expressions = compiled.get(i);
      Table table = database.table(body.path("TableName").asString(""));
      TableMeta meta = table.meta();
      Condition condition = expressions.condition();
      Map<String, Value> keyOrItem = ValueJson.readMap(body.path(kinds.get(i).equals("Put") ? "Item" : "Key"));
      DynamoDbException problem;
      Writer.Mutation mutation;
      switch (kinds.get(i)) {
        case "Put" -> {
          problem = ActionKeys.item(keyOrItem, meta);
          bytes += Sizes.item(keyOrItem);
          mutation = current -> {
            ItemOperations.check(condition, current, false);
            return keyOrItem;
          };
        }
        case "Update" -> {
          problem = ActionKeys.key(keyOrItem, meta.keySchema());
          Update update = expressions.update();
          Updates.checkKeyAttributes(update, meta);
          mutation = current -> {
            ItemOperations.check(condition, current, false);
            return Updates.apply(update, current, keyOrItem, meta);
          };
        }
        case "Delete" -> {
          problem = ActionKeys.key(keyOrItem, meta.keySchema());
          mutation = current -> {
            ItemOperations.check(condition, current, false);
            return current == null ? Writer.UNCHANGED : null;
          };
        }
        default -> {
          problem = ActionKeys.key(keyOrItem, meta.keySchema());
          mutation = current -> {
            ItemOperations.check(condition, current, false);
            return Writer.UNCHANGED;
          };
        }
      }
      Writer.Target target = problem != null
          ? invalid(table, problem)
          : new Writer.Target(table, Keys.tableKey(meta.keySchema(), keyOrItem), mutation);
      itemOnFailure[i] = ItemOperations.itemOnConditionFailure(body);
      byte[] tableId = meta.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (target.key().length > 0 && !seen.add(KeyCodec.join(tableId, target.key()))) {
        throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
      }
      targets.add(target);
      tables.add(table);
    }
    if (bytes > MAX_TRANSACTION_BYTES) {
      throw DynamoDbException.validation("Transaction request size exceeds the 4 MB limit");
    }
    List<Writer.Outcome> outcomes = writer.transact(targets, itemOnFailure);
    JsonOut out = new JsonOut().start();
    Map<String, Capacity> capacities = new LinkedHashMap<>();
    for (int j = 0; j < outcomes.size(); j++) {
      Capacity written = ItemOperations.writeCapacity(tables.get(j), outcomes.get(j), true);
      capacities.computeIfAbsent(tables.get(j).meta().name(), Capacity::new).table(written.total());
    }
    Batches.writeCapacities(out, new ArrayList<>(capacities.values()), Capacity.mode(request));
    byte[] response = out.end().toBytes();
    if (token != null) {
      Remembered remembered = new Remembered(token, canonical, now.plus(TOKEN_LIFETIME), response);
      if (tokens.putIfAbsent(token, remembered) == null) {
        expiries.add(remembered);
      }
    }
    return response;
  }

  private void forgetExpired(Instant now) {
    for (Remembered oldest = expiries.peek(); oldest != null && oldest.until().isBefore(now); oldest = expiries.peek()) {
      if (expiries.remove(oldest)) {
        tokens.remove(oldest.token(), oldest);
      }
    }
  }

  public byte[] transactGetItems(JsonNode request) {
    // Projections first, as for the writes: a malformed one refuses the request before any table is read.
    List<JsonNode> gets = new ArrayList<>();
    List<Projection> projections = new ArrayList<>();
    for (JsonNode action : request.path("TransactItems")) {
      JsonNode get = action.path("Get");
      gets.add(get);
      projections.add(ExpressionCompiler.compile(Context.TRANSACT_GET, get).projection());
    }
    List<Table> tables = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    List<CancellationReason> reasons = new ArrayList<>();
    boolean cancelled = false;
    TreeSet<byte[]> seen = new TreeSet<>(KeyCodec.ORDER);
    for (JsonNode get : gets) {
      Table table = database.table(get.path("TableName").asString(""));
      Map<String, Value> key = ValueJson.readMap(get.path("Key"));
      DynamoDbException problem = ActionKeys.key(key, table.meta().keySchema());
      tables.add(table);
      if (problem != null) {
        // A key that does not fit cancels the transaction (paritysuite/dynamodb-conformance
        // tests/tier3/error-messages/transactGetItems.test.ts, 2026).
        keys.add(new byte[0]);
        reasons.add(new CancellationReason("ValidationError", problem.getMessage(), null));
        cancelled = true;
        continue;
      }
      byte[] stored = Keys.tableKey(table.meta().keySchema(), key);
      // Two Gets of one item are refused as two writes are (nubo-db/dynamodb-conformance
      // tests/tier2/transactions/transactGet.test.ts, verified against AWS 2026).
      if (!seen.add(KeyCodec.join(table.meta().id().getBytes(java.nio.charset.StandardCharsets.UTF_8), stored))) {
        throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
      }
      keys.add(stored);
      reasons.add(CancellationReason.NONE);
    }
    if (cancelled) {
      throw new DynamoDbException.TransactionCanceled(reasons);
    }
    List<byte[]> items = writer.readTogether(tables, keys);
    Map<String, Capacity> capacities = new LinkedHashMap<>();
    JsonOut out = new JsonOut().start().startArray("Responses");
    for (int i = 0; i < items.size(); i++) {
      out.startObject();
      byte[] stored = items.get(i);
      int size = 0;
      if (stored != null) {
        Map<String, Value> item = ItemCodec.decode(stored);
        size = Sizes.item(item);
        out.item("Item", projections.get(i) == null ? item : projections.get(i).project(item));
      }
      capacities.computeIfAbsent(tables.get(i).meta().name(), Capacity::new).table(2 * Capacity.readUnits(size, true));
      out.end();
    }
    out.endArray();
    Batches.writeCapacities(out, new ArrayList<>(capacities.values()), Capacity.mode(request));
    return out.end().toBytes();
  }

  /** The one action member a TransactWriteItem has (the request checks made sure of it). */
  private static String kind(JsonNode action) {
    for (String kind : List.of("Put", "Update", "Delete")) {
      if (action.hasNonNull(kind)) {
        return kind;
      }
    }
    return "ConditionCheck";
  }

  private static Context context(String kind) {
    return switch (kind) {
      case "Put" -> Context.TRANSACT_PUT;
      case "Update" -> Context.TRANSACT_UPDATE;
      case "Delete" -> Context.TRANSACT_DELETE;
      default -> Context.TRANSACT_CONDITION_CHECK;
    };
  }

  /**
   * An action whose key does not fit its table: it takes part in the transaction only to cancel it
   * with a ValidationError reason. Its stored key is empty, which no item has.
   */
  private static Writer.Target invalid(Table table, DynamoDbException problem) {
    return new Writer.Target(table, new byte[0], current -> {
      throw problem;
    });
  }

  /** The request without its token, in a stable form, digested: what a retry must repeat exactly. */
  private static byte[] canonical(JsonNode request) {
    ObjectNode copy = ((ObjectNode) request).deepCopy();
    copy.remove("ClientRequestToken");
    copy.remove("ReturnConsumedCapacity");
    try {
      return MessageDigest.getInstance("SHA-256").digest(copy.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
