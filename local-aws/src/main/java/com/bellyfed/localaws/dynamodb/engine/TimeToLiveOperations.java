package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * UpdateTimeToLive and DescribeTimeToLive. AWS refuses a change that would change nothing, then a
 * change too soon after the last one (observed 2026: ack-api-quirks dynamodb DDB-TABLE-143, -146, -147):
 * the content is checked before the cooldown.
 */
final class TimeToLiveOperations {

  /**
   * How long after a change of TTL AWS refuses the next one. The documentation says up to an hour;
   * observed in 2026, a change 30 min 11 s after the last was refused and one 31 min 12 s after it
   * accepted (DDB-TABLE-143).
   */
  static final Duration COOLDOWN = Duration.ofMinutes(31);

  private final Database database;

  TimeToLiveOperations(Database database) {
    this.database = database;
  }

  byte[] updateTimeToLive(JsonNode request) {
    String name = request.path("TableName").asString("");
    Table table = database.find(name).orElseThrow(() -> TableOperations.notFound(name));
    JsonNode specification = request.path("TimeToLiveSpecification");
    String attribute = specification.path("AttributeName").asString("");
    boolean enable = specification.path("Enabled").asBoolean(false);
    synchronized (table) {
      TableMeta meta = table.meta();
      String current = meta.ttlAttribute();
      if (current != null && !current.equals(attribute)) {
        throw DynamoDbException.validation(
            "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
      }
      if (enable && current != null) {
        throw DynamoDbException.validation("TimeToLive is already enabled");
      }
      if (!enable && current == null) {
        throw DynamoDbException.validation("TimeToLive is already disabled");
      }
      Instant now = database.now();
      if (meta.ttlChangedAt() != null && now.isBefore(meta.ttlChangedAt().plus(COOLDOWN))) {
        throw DynamoDbException.validation("Time to live has been modified multiple times within a fixed interval");
      }
      database.declare(table, meta.withTtl(enable ? attribute : null, now));
      if (enable) {
        database.indexExpiries(table);
      } else {
        table.expiries.clear();
      }
    }
    return new JsonOut().start().startObject("TimeToLiveSpecification")
        .string("AttributeName", attribute).bool("Enabled", enable).end().end().toBytes();
  }

  byte[] describeTimeToLive(JsonNode request) {
    String name = request.path("TableName").asString("");
    Table table = database.find(name).orElseThrow(() -> TableOperations.notFound(name));
    String attribute = table.meta().ttlAttribute();
    JsonOut out = new JsonOut().start().startObject("TimeToLiveDescription");
    if (attribute == null) {
      out.string("TimeToLiveStatus", "DISABLED");
    } else {
      out.string("TimeToLiveStatus", "ENABLED").string("AttributeName", attribute);
    }
    return out.end().end().toBytes();
  }
}
