package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** UpdateTable's own rules: the table's name, something to update, throughput with PROVISIONED, one update per index. */
final class UpdateTableRules implements Rules {

  private static final String INVALID = "One or more parameter values were invalid: ";
  /** Members that each make an update; AttributeDefinitions alone does not. */
  private static final List<String> UPDATES = List.of("ProvisionedThroughput", "BillingMode", "StreamSpecification",
      "SSESpecification", "ReplicaUpdates", "TableClass", "DeletionProtectionEnabled", "MultiRegionConsistency",
      "GlobalTableWitnessUpdates", "OnDemandThroughput", "WarmThroughput");

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    JsonNode indexUpdates = Json.member(body, "GlobalSecondaryIndexUpdates");
    boolean anything = indexUpdates != null && !indexUpdates.isEmpty();
    for (String update : UPDATES) {
      anything |= Json.member(body, update) != null;
    }
    if (!anything) {
      // AWS's sentence, which has not kept up with the members added since.
      throw DynamoDbException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
          + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }
    JsonNode throughput = Json.member(body, "ProvisionedThroughput");
    if ("PROVISIONED".equals(Json.text(body, "BillingMode")) && throughput == null) {
      throw DynamoDbException.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }
    if (throughput != null) {
      CreateTableRules.Throughput.checkBounds(throughput);
    }
    if (indexUpdates != null) {
      checkIndexUpdates(indexUpdates);
    }
  }

  private static void checkIndexUpdates(JsonNode indexUpdates) {
    Set<String> names = new HashSet<>();
    for (JsonNode update : indexUpdates) {
      JsonNode action = null;
      for (String kind : List.of("Update", "Create", "Delete")) {
        if (action == null) {
          action = Json.member(update, kind);
        }
      }
      if (action == null) {
        throw DynamoDbException.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
            + " GlobalSecondaryIndexUpdate.Delete must not be null");
      }
      String name = action.path("IndexName").asText();
      if (!names.add(name)) {
        throw DynamoDbException.validation(INVALID
            + "Only one global secondary index update per index is allowed simultaneously. Index: " + name);
      }
    }
  }
}
