package com.bellyfed.localaws.dynamodb.engine;

import tools.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumed capacity by AWS's rules
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html):
 * a write costs one unit per started KB of the larger of the item before and after, a read one unit
 * per started 4 KB, half that when eventually consistent, twice either inside a transaction.
 */
final class Capacity {

  enum Mode {
    NONE,
    TOTAL,
    INDEXES
  }

  private final String tableName;
  private double table;
  private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
  private final Map<String, Double> localIndexes = new LinkedHashMap<>();

  Capacity(String tableName) {
    this.tableName = tableName;
  }

  static Mode mode(JsonNode request) {
    String mode = request.path("ReturnConsumedCapacity").asString("NONE");
    return switch (mode) {
      case "TOTAL" -> Mode.TOTAL;
      case "INDEXES" -> Mode.INDEXES;
      default -> Mode.NONE;
    };
  }

  static double writeUnits(int bytes) {
    return Math.max(1, (bytes + 1023) / 1024);
  }

  static double readUnits(int bytes, boolean consistent) {
    double units = Math.max(1, (bytes + 4095) / 4096);
    return consistent ? units : units / 2;
  }

  void table(double units) {
    table += units;
  }

  void index(IndexMeta index, double units) {
    (index.global() ? globalIndexes : localIndexes).merge(index.name(), units, Double::sum);
  }

  double total() {
    double total = table;
    for (double units : globalIndexes.values()) {
      total += units;
    }
    for (double units : localIndexes.values()) {
      total += units;
    }
    return total;
  }

  /** Writes {@code "ConsumedCapacity": {...}} when the request asked for it. */
  void write(JsonOut out, Mode mode) {
    if (mode == Mode.NONE) {
      return;
    }
    out.field("ConsumedCapacity");
    writeObject(out, mode);
  }

  void writeObject(JsonOut out, Mode mode) {
    out.startObject().string("TableName", tableName).number("CapacityUnits", total());
    if (mode == Mode.INDEXES) {
      out.startObject("Table").number("CapacityUnits", table).end();
      indexes(out, "GlobalSecondaryIndexes", globalIndexes);
      indexes(out, "LocalSecondaryIndexes", localIndexes);
    }
    out.end();
  }

  private static void indexes(JsonOut out, String name, Map<String, Double> units) {
    if (units.isEmpty()) {
      return;
    }
    out.startObject(name);
    units.forEach((index, value) -> out.startObject(index).number("CapacityUnits", value).end());
    out.end();
  }
}
