package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTable's own rules: the table's name, something to update, throughput with PROVISIONED, the
 * changes that must come alone, and the index actions. Messages observed on AWS in 2026 (ack-api-quirks
 * dynamodb, DDB-TABLE-015, -160, -174, -359, -442) or earlier by dynalite.
 */
final class UpdateTableRules implements Rules {

  private static final String INVALID = "One or more parameter values were invalid: ";
  /**
   * The members AWS names when nothing is to change, in its order, public or not (2026). A member the
   * request carries is left out of the list; MultiRegionConsistency alone changes nothing.
   */
  private static final List<String> NAMED = List.of("ProvisionedThroughput", "BillingMode", "UpdateStreamEnabled",
      "GlobalSecondaryIndexUpdates", "SSESpecification", "ReplicaUpdates", "MultiAccountReplicaReady",
      "ReplicaTransitRoleArn", "MultiRegionConsistency", "DeletionProtectionEnabled", "OnDemandThroughput",
      "WarmThroughput", "TableClass");
  /** Members that each make a change; AttributeDefinitions and MultiRegionConsistency alone do not. */
  private static final List<String> CHANGES = List.of("ProvisionedThroughput", "BillingMode", "StreamSpecification",
      "SSESpecification", "ReplicaUpdates", "TableClass", "DeletionProtectionEnabled", "GlobalTableWitnessUpdates",
      "OnDemandThroughput", "WarmThroughput");
  /** Changes AWS accepts only alone, with the name its message gives them. */
  private static final List<String[]> ALONE = List.of(
      new String[] {"DeletionProtectionEnabled", "DeletionProtection"},
      new String[] {"SSESpecification", "Server-Side Encryption"},
      new String[] {"TableClass", "TableClass"});

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    JsonNode indexUpdates = Json.member(body, "GlobalSecondaryIndexUpdates");
    boolean anything = indexUpdates != null && !indexUpdates.isEmpty();
    for (String change : CHANGES) {
      anything |= Json.member(body, change) != null;
    }
    if (!anything) {
      throw DynamoDbException.validation(nothingToChange(body));
    }
    if (indexUpdates != null && indexUpdates.isEmpty()) {
      throw DynamoDbException.validation(INVALID + "List of GlobalSecondaryIndexUpdates is empty");
    }
    JsonNode throughput = Json.member(body, "ProvisionedThroughput");
    if ("PROVISIONED".equals(Json.text(body, "BillingMode")) && throughput == null) {
      throw DynamoDbException.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }
    if ("PAY_PER_REQUEST".equals(Json.text(body, "BillingMode")) && throughput != null) {
      throw DynamoDbException.validation(INVALID
          + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    if (throughput != null) {
      CreateTableRules.Throughput.checkBounds(throughput);
    }
    if (indexUpdates != null) {
      checkIndexUpdates(indexUpdates);
    }
    checkAlone(body, indexUpdates);
  }

  /** "At least one of ... is required", without the members the request carries. */
  private static String nothingToChange(JsonNode body) {
    List<String> named = new ArrayList<>();
    for (String member : NAMED) {
      JsonNode value = Json.member(body, member);
      boolean emptyList = value != null && value.isArray() && value.isEmpty();
      if (value == null || emptyList) {
        named.add(member);
      }
    }
    String last = named.remove(named.size() - 1);
    return "At least one of " + String.join(", ", named) + " or " + last + " is required";
  }

  private static void checkIndexUpdates(JsonNode indexUpdates) {
    Set<String> names = new HashSet<>();
    for (JsonNode update : indexUpdates) {
      List<JsonNode> actions = new ArrayList<>(1);
      for (String kind : List.of("Update", "Create", "Delete")) {
        JsonNode action = Json.member(update, kind);
        if (action != null) {
          actions.add(action);
        }
      }
      if (actions.isEmpty()) {
        throw DynamoDbException.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
            + " GlobalSecondaryIndexUpdate.Delete must not be null");
      }
      if (actions.size() > 1) {
        throw DynamoDbException.validation(INVALID
            + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
      }
      String name = actions.get(0).path("IndexName").asString("");
      if (!names.add(name)) {
        throw DynamoDbException.validation(INVALID
            + "Only one global secondary index update per index is allowed simultaneously. Index: " + name);
      }
      JsonNode create = Json.member(update, "Create");
      if (create != null) {
        CreateTableRules.checkKeySchema(CreateTableRules.elements(create.get("KeySchema")));
        CreateTableRules.checkProjection(create.get("Projection"));
      }
    }
  }

  /**
   * Changes that must come alone (observed 2026: DDB-TABLE-174, -433): deletion protection, encryption
   * and table class; an index created or deleted beside a throughput or stream change.
   */
  private static void checkAlone(JsonNode body, @Nullable JsonNode indexUpdates) {
    boolean indexCreatedOrDeleted = false;
    int indexChanges = 0;
    if (indexUpdates != null) {
      for (JsonNode update : indexUpdates) {
        indexCreatedOrDeleted |= Json.member(update, "Create") != null || Json.member(update, "Delete") != null;
        indexChanges++;
      }
    }
    int changes = indexChanges > 0 ? 1 : 0;
    for (String change : CHANGES) {
      changes += Json.member(body, change) != null ? 1 : 0;
    }
    for (String[] alone : ALONE) {
      if (Json.member(body, alone[0]) != null && changes > 1) {
        throw DynamoDbException.validation(INVALID + alone[1] + " modification must be the only operation in the request");
      }
    }
    if (indexCreatedOrDeleted && Json.member(body, "ProvisionedThroughput") != null) {
      throw DynamoDbException.validation(INVALID + "You cannot create or delete index while updating table IOPS");
    }
    if (indexCreatedOrDeleted && Json.member(body, "StreamSpecification") != null) {
      throw DynamoDbException.validation(INVALID + "You cannot create or delete index while changing stream status");
    }
    if (Json.member(body, "StreamSpecification") != null && Json.member(body, "ProvisionedThroughput") != null) {
      throw DynamoDbException.validation(INVALID + "You cannot modify stream status while updating table IOPS");
    }
  }
}
