package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.Condition;
import com.bellyfed.localaws.dynamodb.expressions.Projection;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import tools.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a Query or Scan that need the table: a Query's filter on a key attribute, Select
 * against the projection parameters and the index, and what a global secondary index can return.
 * AWS makes them after the key conditions and ExclusiveStartKey, in this order (observed against AWS by
 * dynalite's test/query.js and test/scan.js and the paritysuite/dynamodb-conformance suites).
 */
final class ReadRules {

  private ReadRules() {}

  /**
   * A Query's filter may not name the key attributes of what it reads
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html:
   * "A filter expression cannot contain partition key or sort key attributes"); the partition key is
   * reported first (dynalite test/query.js).
   */
  static void filterOnKey(JsonNode request, @Nullable Condition filter, KeySchema schema) {
    if (filter == null) {
      return;
    }
    String parameter = request.hasNonNull("QueryFilter") ? "QueryFilter" : "Filter Expression";
    Set<String> names = filter.topLevelNames();
    List<String> keys = schema.hasSortKey() ? List.of(schema.partitionName(), schema.sortName()) : List.of(schema.partitionName());
    for (String key : keys) {
      if (names.contains(key)) {
        throw DynamoDbException.validation(
            parameter + " can only contain non-primary key attributes: Primary key attribute: " + key);
      }
    }
  }

  /**
   * Select against ProjectionExpression or AttributesToGet and the index
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-Select),
   * with AWS's sentences (the Query messages observed by dynalite's test/query.js; the Scan messages observed by
   * nubo-db/dynamodb-conformance's successors, and paritysuite/dynamodb-conformance registry/splits.json
   * scan-specific-attributes-message, whose bare form is the classic one).
   */
  static void select(JsonNode request, @Nullable IndexMeta index) {
    String select = request.path("Select").asString("");
    boolean attributesToGet = request.hasNonNull("AttributesToGet");
    boolean projected = attributesToGet || request.hasNonNull("ProjectionExpression");
    String parameter = attributesToGet ? "AttributesToGet" : "ProjectionExpression";
    switch (select) {
      case "ALL_ATTRIBUTES" -> {
        if (projected) {
          throw DynamoDbException.validation("Cannot specify the " + parameter + " when choosing to get ALL_ATTRIBUTES");
        }
        if (index != null && index.global() && index.projection() != IndexMeta.ProjectionType.ALL) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                  + index.name() + " because its projection type is not ALL");
        }
      }
      case "ALL_PROJECTED_ATTRIBUTES" -> {
        if (projected) {
          throw DynamoDbException.validation("Cannot specify the " + parameter + " when choosing to get ALL_PROJECTED_ATTRIBUTES");
        }
        if (index == null) {
          // "Querying" on a Scan too, as AWS words it.
          throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
      }
      case "COUNT" -> {
        if (projected) {
          throw DynamoDbException.validation("Cannot specify the " + parameter + " when choosing to get only the Count");
        }
      }
      case "SPECIFIC_ATTRIBUTES" -> {
        if (!projected) {
          throw DynamoDbException.validation(
              "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
      }
      default -> {
        // No Select: the projection, if any, decides.
      }
    }
  }

  /**
   * A global secondary index returns only what it projects, and cannot fetch the rest from the table
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Projections): asking
   * for more is refused, naming the attributes in a java.util.HashSet's order as AWS's Java service does
   * (the order the message shows for several attributes).
   */
  static void globalProjection(JsonNode request, @Nullable Projection projection, @Nullable IndexMeta index, KeySchema table) {
    if (projection == null || index == null || !index.global() || index.projection() == IndexMeta.ProjectionType.ALL
        || "COUNT".equals(request.path("Select").asString(""))) {
      return;
    }
    Set<String> missing = new HashSet<>();
    for (String name : projection.topLevelNames()) {
      if (!index.projects(name, table)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Global secondary index " + index.name() + " does not project " + missing);
    }
  }
}
