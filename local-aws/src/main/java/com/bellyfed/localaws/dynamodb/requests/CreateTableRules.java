package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CreateTable's own rules, in AWS's order: billing and throughput, attribute definitions against the
 * key schema, local then global secondary indexes, definitions no key uses; then the tags, which AWS
 * checks as TagResource does (observed 2026: ack-api-quirks dynamodb DDB-TABLE-110).
 */
final class CreateTableRules implements Rules {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final int MAX_LOCAL_INDEXES = 5;
  private static final int MAX_GLOBAL_INDEXES = 20;
  private static final int MAX_PROJECTED_ATTRIBUTES = 100;

  @Override
  public void check(JsonNode body) {
    String billingMode = Json.text(body, "BillingMode");
    boolean payPerRequest = "PAY_PER_REQUEST".equals(billingMode);
    Throughput.checkForTable(Json.member(body, "ProvisionedThroughput"), payPerRequest);

    List<String> definitions = new ArrayList<>();
    for (JsonNode definition : Json.elements(body, "AttributeDefinitions")) {
      definitions.add(definition.path("AttributeName").asString(""));
    }
    checkNoDuplicate(definitions);
    List<JsonNode> keySchema = elements(Json.member(body, "KeySchema"));
    List<String> keys = names(keySchema);
    if (keys.size() > definitions.size()) {
      throw DynamoDbException.validation("Invalid KeySchema: Some index key attribute have no definition");
    }
    checkDefined(keys, definitions);
    checkKeySchema(keySchema);

    JsonNode locals = Json.member(body, "LocalSecondaryIndexes");
    JsonNode globals = Json.member(body, "GlobalSecondaryIndexes");
    if (locals == null && globals == null) {
      if (keys.size() != definitions.size()) {
        throw DynamoDbException.validation(INVALID
            + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
      }
      TagRules.checkTags(Json.member(body, "Tags"));
      return;
    }
    Set<String> used = new LinkedHashSet<>(keys);
    Set<String> indexNames = new HashSet<>();
    if (locals != null) {
      checkLocalIndexes(locals, keys, definitions, used, indexNames);
    }
    if (globals != null) {
      checkGlobalIndexes(globals, definitions, payPerRequest, used, indexNames);
    }
    checkProjectedTotal(locals, globals);
    if (!used.containsAll(definitions)) {
      throw DynamoDbException.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
          + set(definitions) + ", keys used: " + set(used));
    }
    TagRules.checkTags(Json.member(body, "Tags"));
  }

  private static void checkLocalIndexes(
      JsonNode locals, List<String> tableKeys, List<String> definitions, Set<String> used, Set<String> indexNames) {
    if (locals.isEmpty()) {
      throw DynamoDbException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
    }
    if (tableKeys.size() != 2) {
      throw DynamoDbException.validation(INVALID
          + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
    }
    for (JsonNode index : locals) {
      String name = index.path("IndexName").asString("");
      List<JsonNode> keySchema = elements(index.get("KeySchema"));
      List<String> keys = names(keySchema);
      checkDefined(keys, definitions);
      checkKeySchema(keySchema);
      if (keys.size() != 2) {
        throw DynamoDbException.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
      }
      if (!keys.get(0).equals(tableKeys.get(0))) {
        throw DynamoDbException.validation(INVALID
            + "Index KeySchema does not have the same leading hash key as table KeySchema for index: " + name
            + ". index hash key: " + keys.get(0) + ", table hash key: " + tableKeys.get(0));
      }
      checkProjection(index.get("Projection"));
      checkNewName(name, indexNames);
      used.addAll(keys);
    }
    if (locals.size() > MAX_LOCAL_INDEXES) {
      throw DynamoDbException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
    }
  }

  private static void checkGlobalIndexes(
      JsonNode globals, List<String> definitions, boolean payPerRequest, Set<String> used, Set<String> indexNames) {
    if (globals.isEmpty()) {
      throw DynamoDbException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
    }
    for (JsonNode index : globals) {
      String name = index.path("IndexName").asString("");
      List<JsonNode> keySchema = elements(index.get("KeySchema"));
      List<String> keys = names(keySchema);
      checkDefined(keys, definitions);
      checkKeySchema(keySchema);
      checkProjection(index.get("Projection"));
      if (payPerRequest && Json.member(index, "ProvisionedThroughput") != null) {
        throw DynamoDbException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
            + " when BillingMode is PAY_PER_REQUEST");
      }
      if (!payPerRequest && Json.member(index, "ProvisionedThroughput") == null) {
        throw DynamoDbException.validation(INVALID + "ProvisionedThroughput is not specified for index: " + name);
      }
      checkNewName(name, indexNames);
      used.addAll(keys);
    }
    if (globals.size() > MAX_GLOBAL_INDEXES) {
      throw DynamoDbException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
    }
  }

  /**
   * "You can project a total of up to 100 attributes into all of a table's local and global secondary
   * indexes. This only applies to user-specified projected attributes"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes);
   * one projected into two indexes counts twice. AWS's words as quoted in tooling that checks for it.
   */
  private static void checkProjectedTotal(@Nullable JsonNode locals, @Nullable JsonNode globals) {
    int total = 0;
    for (JsonNode indexes : new JsonNode[] {locals, globals}) {
      for (JsonNode index : elements(indexes)) {
        for (JsonNode attribute : Json.elements(index.get("Projection"), "NonKeyAttributes")) {
          total += attribute.isNull() ? 0 : 1;
        }
      }
    }
    if (total > MAX_PROJECTED_ATTRIBUTES) {
      throw DynamoDbException.validation(INVALID + "Number of projected attributes in all indexes exceeds limit of "
          + MAX_PROJECTED_ATTRIBUTES);
    }
  }

  private static void checkNoDuplicate(List<String> definitions) {
    Set<String> seen = new HashSet<>();
    for (String name : definitions) {
      if (!seen.add(name)) {
        throw DynamoDbException.validation("Attribute Name is duplicated: " + name);
      }
    }
  }

  private static void checkDefined(List<String> keys, List<String> definitions) {
    if (!definitions.containsAll(keys)) {
      throw DynamoDbException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + set(keys) + ", AttributeDefinitions: " + set(definitions));
    }
  }

  /** A key schema (of the table or an index): two different names, HASH first, RANGE second. */
  static void checkKeySchema(List<JsonNode> keySchema) {
    List<String> names = names(keySchema);
    if (names.size() == 2 && names.get(0).equals(names.get(1))) {
      throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (keySchema.isEmpty() || !"HASH".equals(keySchema.get(0).path("KeyType").asString(""))) {
      throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keySchema.size() == 2 && !"RANGE".equals(keySchema.get(1).path("KeyType").asString(""))) {
      throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
  }

  /**
   * A projection's type and its NonKeyAttributes: listed for INCLUDE only, each once (observed 2026:
   * ack-api-quirks dynamodb DDB-TABLE-126).
   */
  static void checkProjection(JsonNode projection) {
    String type = Json.text(projection, "ProjectionType");
    if (type == null) {
      throw DynamoDbException.validation(INVALID + "Unknown ProjectionType: null");
    }
    JsonNode nonKey = Json.member(projection, "NonKeyAttributes");
    if (nonKey != null && !type.equals("INCLUDE")) {
      throw DynamoDbException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    if (nonKey == null && type.equals("INCLUDE")) {
      throw DynamoDbException.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode attribute : Json.elements(projection, "NonKeyAttributes")) {
      if (!attribute.isNull() && !seen.add(attribute.asString(""))) {
        throw DynamoDbException.validation(INVALID + "Duplicate element in NonKeyAttributes: " + attribute.asString(""));
      }
    }
  }

  private static void checkNewName(String name, Set<String> indexNames) {
    if (!indexNames.add(name)) {
      throw DynamoDbException.validation(INVALID + "Duplicate index name: " + name);
    }
  }

  static List<JsonNode> elements(@Nullable JsonNode list) {
    List<JsonNode> elements = new ArrayList<>();
    if (list != null) {
      for (JsonNode element : list) {
        if (!element.isNull()) {
          elements.add(element);
        }
      }
    }
    return elements;
  }

  private static List<String> names(List<JsonNode> keySchema) {
    List<String> names = new ArrayList<>(keySchema.size());
    for (JsonNode element : keySchema) {
      names.add(element.path("AttributeName").asString(""));
    }
    return names;
  }

  /** Names as AWS lists them in these messages: a java.util.HashSet's order, no duplicates. */
  private static String set(Iterable<String> names) {
    Set<String> set = new HashSet<>();
    names.forEach(set::add);
    return set.toString();
  }

  /** The bounds AWS checks on ProvisionedThroughput before it looks at the account's limits. */
  static final class Throughput {

    /** What AWS answers as "out of bounds", above any account's limits. */
    private static final BigInteger MAX_UNITS = BigInteger.valueOf(1_000_000_000_000L);

    private Throughput() {}

    static void checkForTable(@Nullable JsonNode throughput, boolean payPerRequest) {
      if (payPerRequest) {
        if (throughput != null) {
          throw DynamoDbException.validation(INVALID
              + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        return;
      }
      if (throughput == null
          || Json.member(throughput, "ReadCapacityUnits") == null
          || Json.member(throughput, "WriteCapacityUnits") == null) {
        throw DynamoDbException.validation(INVALID
            + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
      }
      checkBounds(throughput);
    }

    static void checkBounds(JsonNode throughput) {
      for (String units : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
        BigInteger value = Json.wholeNumber(throughput, units);
        if (value != null && value.compareTo(MAX_UNITS) > 0) {
          throw DynamoDbException.validation("Given value " + value + " for " + units + " is out of bounds");
        }
      }
    }
  }
}
