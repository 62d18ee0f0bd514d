package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.Condition;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.KeyCondition;
import com.bellyfed.localaws.dynamodb.expressions.Projection;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.KeyCodec;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/**
 * Query and Scan, by AWS's paging rules
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html): a page
 * ends after Limit items were evaluated or once 1 MB was read, both counted before the filter, and
 * then carries the last evaluated item's key (with the index's key when reading an index).
 */
public final class Reads {

  static final int MAX_PAGE_BYTES = 1024 * 1024;

  private final Database database;

  public Reads(Database database) {
    this.database = database;
  }

  /** What a read walks: the table, or one of its indexes. */
  private record Source(
      Table table, @Nullable IndexStore index, NavigableMap<byte[], byte[]> map, KeySchema schema, boolean fetchFromTable) {

    @Nullable KeySchema indexSchema() {
      return index == null ? null : index.meta().keySchema();
    }
  }

  // ---- Query

  public byte[] query(JsonNode request) {
    RequestExpressions expressions = ExpressionCompiler.compile(Context.QUERY, request);
    Table table = database.table(request.path("TableName").asString(""));
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    Source source = source(table, request, expressions.projection(), consistent);
    KeyCondition condition = expressions.keyCondition(source.schema());
    checkKeySizes(condition);
    byte[] prefix = Keys.partitionPrefix(condition.partitionValue());
    byte[] from;
    byte[] to;
    boolean fromInclusive = true;
    boolean toInclusive = true;
    KeyCondition.SortCondition sort = condition.sort();
    if (sort == null) {
      from = prefix;
      to = append(prefix, KeyCodec.max());
    } else {
      byte[] first = KeyCodec.encode(sort.first());
      switch (sort.operator()) {
        case EQ -> {
          from = append(prefix, first);
          to = append(prefix, first, KeyCodec.max());
        }
        case LT -> {
          from = prefix;
          to = append(prefix, first);
          toInclusive = false;
        }
        case LE -> {
          from = prefix;
          to = append(prefix, first, KeyCodec.max());
        }
        case GT -> {
          from = append(prefix, first, KeyCodec.max());
          fromInclusive = false;
          to = append(prefix, KeyCodec.max());
        }
        case GE -> {
          from = append(prefix, first);
          to = append(prefix, KeyCodec.max());
        }
        case BETWEEN -> {
          from = append(prefix, first);
          to = append(prefix, KeyCodec.encode(sort.second()), KeyCodec.max());
        }
        case BEGINS_WITH -> {
          from = append(prefix, first);
          to = append(prefix, prefixUpperBound(first));
        }
        default -> throw new IllegalStateException("Unknown operator " + sort.operator());
      }
    }
    NavigableMap<byte[], byte[]> range = source.map().subMap(from, fromInclusive, to, toInclusive);
    boolean forward = request.path("ScanIndexForward").asBoolean(true);
    if (!forward) {
      range = range.descendingMap();
    }
    byte[] start = startKey(request, source, false);
    if (start != null) {
      boolean samePartition =
          KeyCodec.compare(start, prefix) >= 0 && KeyCodec.compare(start, append(prefix, KeyCodec.max())) <= 0;
      if (sort == null) {
        if (!samePartition) {
          throw DynamoDbException.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
      } else {
        // The start key's sort key judged against the condition as if it were in the query's partition.
        int partitionLength = KeyCodec.componentsLength(start, 2);
        byte[] moved = java.util.Arrays.copyOf(prefix, prefix.length + start.length - partitionLength);
        System.arraycopy(start, partitionLength, moved, prefix.length, start.length - partitionLength);
        int low = KeyCodec.compare(moved, from);
        int high = KeyCodec.compare(moved, to);
        if (low < 0 || (low == 0 && !fromInclusive) || high > 0 || (high == 0 && !toInclusive)) {
          throw DynamoDbException.validation("The provided starting key does not match the range key predicate");
        }
        if (!samePartition) {
          throw DynamoDbException.validation("The query can return at most one row and cannot be restarted");
        }
      }
      range = range.tailMap(start, false);
    }
    checkKeyPaths(expressions.projection(), null, table.meta());
    ReadRules.filterOnKey(request, expressions.filter(), source.schema());
    checkKeyPaths(null, expressions.filter(), table.meta());
    checkSelection(request, source, expressions.projection());
    return page(request, source, range, expressions.filter(), expressions.projection(), consistent);
  }

  /**
   * The key condition's values are keys, held to the key size limits: AWS answers a Query whose
   * partition key value is over 2048 bytes with the hashkey message, as GetItem does
   * (facebook/ThreatExchange#1324, a Query against AWS); a sort key value over 1024 bytes gets the
   * range keys message alike.
   */
  private static void checkKeySizes(KeyCondition condition) {
    KeyValidation.size(condition.partitionValue(), true);
    KeyCondition.SortCondition sort = condition.sort();
    if (sort != null) {
      KeyValidation.size(sort.first(), false);
      if (sort.second() != null) {
        KeyValidation.size(sort.second(), false);
      }
    }
  }

  // ---- Scan

  public byte[] scan(JsonNode request) {
    RequestExpressions expressions = ExpressionCompiler.compile(Context.SCAN, request);
    Table table = database.table(request.path("TableName").asString(""));
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    Source source = source(table, request, expressions.projection(), consistent);
    NavigableMap<byte[], byte[]> range = source.map();
    if (request.hasNonNull("TotalSegments")) {
      long total = request.path("TotalSegments").asLong(0);
      long segment = request.path("Segment").asLong(0);
      long span = (1L << 32) / total;
      long low = segment * span;
      long high = segment == total - 1 ? 1L << 32 : (segment + 1) * span;
      byte[] lowKey = KeyCodec.join(hashBytes(low));
      range = high >= 1L << 32 ? range.tailMap(lowKey, true) : range.subMap(lowKey, true, KeyCodec.join(hashBytes(high)), false);
      byte[] start = startKey(request, source, true);
      if (start != null) {
        long hash = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(KeyCodec.component(start, 0)).getInt());
        if (hash < low || hash >= high) {
          // dynalite test/scan.js, observed on AWS.
          throw DynamoDbException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. "
              + "Please use ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: " + segment);
        }
        range = range.tailMap(start, false);
      }
    } else {
      byte[] start = startKey(request, source, true);
      if (start != null) {
        range = range.tailMap(start, false);
      }
    }
    checkKeyPaths(expressions.projection(), expressions.filter(), table.meta());
    checkSelection(request, source, expressions.projection());
    return page(request, source, range, expressions.filter(), expressions.projection(), consistent);
  }

  // ---- shared

  /** No nested path into a key attribute: the projection's first, then the filter's (dynalite's order). */
  private static void checkKeyPaths(@Nullable Projection projection, @Nullable Condition filter, TableMeta meta) {
    if (projection != null) {
      KeyPaths.check(projection.nestedNames(), meta);
    }
    if (filter != null) {
      KeyPaths.check(filter.nestedNames(), meta);
    }
  }

  private Source source(Table table, JsonNode request, @Nullable Projection projection, boolean consistent) {
    String indexName = request.path("IndexName").asString(null);
    if (indexName == null) {
      return new Source(table, null, table.items, table.meta().keySchema(), false);
    }
    IndexStore index =
        table.index(indexName)
            .orElseThrow(() -> DynamoDbException.validation("The table does not have the specified index: " + indexName));
    IndexMeta meta = index.meta();
    if (meta.global() && consistent) {
      throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
    }
    if (index.status() == IndexStore.Status.CREATING) {
      throw DynamoDbException.validation("Cannot read from backfilling global secondary index: " + indexName);
    }
    boolean wantsAll = request.path("Select").asString("").equals("ALL_ATTRIBUTES");
    boolean wantsUnprojected = projection != null
        && projection.topLevelNames().stream().anyMatch(name -> !meta.projects(name, table.meta().keySchema()));
    // A local index reads unprojected attributes from the table, at a cost; a global one cannot.
    boolean fetch = !meta.global() && meta.projection() != IndexMeta.ProjectionType.ALL && (wantsAll || wantsUnprojected);
    return new Source(table, index, index.entries, meta.keySchema(), fetch);
  }

  /** Select and the projection against what is read, once the keys are known to be right. */
  private static void checkSelection(JsonNode request, Source source, @Nullable Projection projection) {
    IndexMeta index = source.index() == null ? null : source.index().meta();
    ReadRules.select(request, index);
    ReadRules.globalProjection(request, projection, index, source.table().meta().keySchema());
  }

  /**
   * {@code scan}: a Scan of the table words a start key of other attributes with the key sentence
   * appended, where a Query and an index Scan answer the bare sentence (dynalite test/scan.js;
   * paritysuite/dynamodb-conformance registry/splits.json scan-bad-start-key-message, whose long form
   * is the classic one).
   */
  private static byte @Nullable [] startKey(JsonNode request, Source source, boolean scan) {
    JsonNode json = request.path("ExclusiveStartKey");
    if (json.isMissingNode() || json.isNull()) {
      return null;
    }
    Map<String, Value> start = ValueJson.readMap(json);
    KeySchema table = source.table().meta().keySchema();
    KeySchema index = source.indexSchema();
    java.util.Set<String> names = new java.util.HashSet<>();
    names.add(table.partitionName());
    if (table.hasSortKey()) {
      names.add(table.sortName());
    }
    if (index != null) {
      names.add(index.partitionName());
      if (index.hasSortKey()) {
        names.add(index.sortName());
      }
    }
    if (!start.keySet().equals(names)) {
      throw DynamoDbException.validation(scan && index == null
          ? "The provided starting key is invalid: " + KeyValidation.mismatch().getMessage()
          : "The provided starting key is invalid");
    }
    Map<String, Value> tableKey = new java.util.LinkedHashMap<>();
    tableKey.put(table.partitionName(), start.get(table.partitionName()));
    if (table.hasSortKey()) {
      tableKey.put(table.sortName(), start.get(table.sortName()));
    }
    try {
      KeyValidation.key(tableKey, table);
    } catch (DynamoDbException e) {
      throw DynamoDbException.validation("The provided starting key is invalid: " + e.getMessage());
    }
    if (index == null) {
      return Keys.tableKey(table, start);
    }
    byte[] key = Keys.indexKey(index, table, start);
    if (key == null) {
      throw DynamoDbException.validation("The provided starting key is invalid");
    }
    return key;
  }

  /**
   * Limit as validated (a whole number of at least 1, any decimal part cut off): one beyond the int
   * range reads as many items as the largest int does, where asInt would wrap it to a negative.
   */
  private static int limit(JsonNode limit) {
    if (!limit.isNumber()) {
      return Integer.MAX_VALUE;
    }
    return limit.decimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0
        ? Integer.MAX_VALUE
        : limit.decimalValue().intValue();
  }

  private byte[] page(
      JsonNode request, Source source, NavigableMap<byte[], byte[]> range,
      @Nullable Condition filter, @Nullable Projection projection, boolean consistent) {
    int limit = limit(request.path("Limit"));
    boolean countOnly = "COUNT".equals(request.path("Select").asString(""));
    KeySchema table = source.table().meta().keySchema();
    List<Map<String, Value>> items = new ArrayList<>();
    int scanned = 0;
    long bytes = 0;
    Map<String, Value> last = null;
    for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
      if (scanned >= limit || bytes >= MAX_PAGE_BYTES) {
        break;
      }
      Map<String, Value> item = ItemCodec.decode(entry.getValue());
      scanned++;
      bytes += Sizes.item(item);
      last = item;
      if (source.fetchFromTable()) {
        byte[] full = source.table().items.get(Keys.tableKey(table, item));
        if (full == null) {
          continue;
        }
        item = ItemCodec.decode(full);
      }
      if (filter != null && !filter.test(item)) {
        continue;
      }
      items.add(projection == null ? item : projection.project(item));
    }
    JsonOut out = new JsonOut().start();
    if (!countOnly) {
      out.startArray("Items");
      for (Map<String, Value> item : items) {
        out.item(item);
      }
      out.endArray();
    }
    out.number("Count", (long) items.size()).number("ScannedCount", (long) scanned);
    if (last != null && (scanned >= limit || bytes >= MAX_PAGE_BYTES)) {
      out.item("LastEvaluatedKey", Keys.keyAttributes(last, table, source.indexSchema()));
    }
    Capacity.Mode mode = Capacity.mode(request);
    if (mode != Capacity.Mode.NONE) {
      Capacity capacity = new Capacity(source.table().meta().name());
      double units = Capacity.readUnits((int) Math.min(Integer.MAX_VALUE, bytes), consistent);
      if (source.index() == null) {
        capacity.table(units);
      } else {
        capacity.index(source.index().meta(), units);
      }
      capacity.write(out, mode);
    }
    return out.end().toBytes();
  }

  private static byte[] append(byte[] key, byte[]... components) {
    byte[] tail = KeyCodec.join(components);
    byte[] joined = new byte[key.length + tail.length];
    System.arraycopy(key, 0, joined, 0, key.length);
    System.arraycopy(tail, 0, joined, key.length, tail.length);
    return joined;
  }

  /** A component above every value that starts with {@code prefix} (values are at most 1 KB). */
  private static byte[] prefixUpperBound(byte[] prefix) {
    byte[] bound = java.util.Arrays.copyOf(prefix, prefix.length + 2048);
    java.util.Arrays.fill(bound, prefix.length, bound.length, (byte) 0xFF);
    return bound;
  }

  private static byte[] hashBytes(long hash) {
    return new byte[] {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash};
  }
}
