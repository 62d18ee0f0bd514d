package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * UpdateTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html);
 * messages as dynalite's test/updateTable.js records them from AWS.
 */
class UpdateTableTests {

  private static final String INVALID = "One or more parameter values were invalid: ";

  @Test
  void asksForTheTableName() {
    assertValidation("UpdateTable", "{}", "The parameter 'TableName' is required but was not present in the request");
  }

  @Test
  void refusesBadTableNameAfterTheMembersConstraints() {
    assertValidation("UpdateTable", "{'TableName': 'abc;', 'BillingMode': 'X'}",
        "1 validation error detected: Value 'X' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [PROVISIONED, PAY_PER_REQUEST]");
    assertValidation("UpdateTable", "{'TableName': 'abc;', 'BillingMode': 'PAY_PER_REQUEST'}",
        "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: [a-zA-Z0-9_.-]+");
  }

  @Test
  void reportsMissingThroughputUnits() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'ProvisionedThroughput': {}}",
        "2 validation errors detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint:"
            + " Member must not be null; Value null at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void refusesThroughputOutOfBounds() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000001,"
        + " 'WriteCapacityUnits': 1000000000001}}", "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  }

  // Observed 2026 in us-east-1 and us-west-2 (ack-api-quirks dynamodb DDB-TABLE-015, -359, -442): the list
  // names members the public model lacks, and leaves out those the request carries.
  @Test
  void refusesUpdateThatChangesNothing() {
    String nothing = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates,"
        + " SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
        + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required";
    assertValidation("UpdateTable", "{'TableName': 'abc'}", nothing);
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': []}", nothing);
    assertValidation("UpdateTable", "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}]}",
        nothing);
    assertValidation("UpdateTable", "{'TableName': 'abc', 'MultiRegionConsistency': 'STRONG'}", nothing.replace(" MultiRegionConsistency,", ""));
  }

  @Test
  void refusesAnEmptyListOfIndexUpdatesBesideAChange() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [], 'DeletionProtectionEnabled': true}",
        INVALID + "List of GlobalSecondaryIndexUpdates is empty");
  }

  @Test
  void refusesTwoActionsInOneIndexUpdate() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Update': {'IndexName': 'abc'},"
        + " 'Delete': {'IndexName': 'abc'}}]}", INVALID + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
  }

  @Test
  void refusesChangesThatMustComeAlone() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'DeletionProtectionEnabled': true, 'BillingMode': 'PAY_PER_REQUEST'}",
        INVALID + "DeletionProtection modification must be the only operation in the request");
    assertValidation("UpdateTable", "{'TableName': 'abc', 'TableClass': 'STANDARD', 'BillingMode': 'PAY_PER_REQUEST'}",
        INVALID + "TableClass modification must be the only operation in the request");
    assertValidation("UpdateTable", "{'TableName': 'abc', 'ProvisionedThroughput': {'ReadCapacityUnits': 1, 'WriteCapacityUnits': 1},"
        + " 'GlobalSecondaryIndexUpdates': [{'Delete': {'IndexName': 'abc'}}]}",
        INVALID + "You cannot create or delete index while updating table IOPS");
  }

  @Test
  void checksTheProjectionOfAnIndexToCreate() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Create': {'IndexName': 'abc',"
        + " 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'INCLUDE'}}}]}",
        INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
  }

  @Test
  void requiresThroughputWhenSwitchingToProvisioned() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'BillingMode': 'PROVISIONED'}",
        INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
  }

  @Test
  void reportsConstraintsOfIndexUpdates() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Update': {'IndexName': 'a',"
            + " 'ProvisionedThroughput': {}}}, {'Update': {'IndexName': 'abc;', 'ProvisionedThroughput': {'ReadCapacityUnits': 1,"
            + " 'WriteCapacityUnits': 0}}}]}",
        "5 validation errors detected: Value 'a' at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3; Value null at"
            + " 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits' failed to satisfy"
            + " constraint: Member must not be null; Value null at"
            + " 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits' failed to satisfy"
            + " constraint: Member must not be null; Value 'abc;' at 'globalSecondaryIndexUpdates.2.member.update.indexName'"
            + " failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '0' at"
            + " 'globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1");
  }

  @Test
  void refusesIndexUpdateWithoutAnAction() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{}, {}]}",
        INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete"
            + " must not be null");
  }

  @Test
  void refusesTwoUpdatesOfOneIndex() {
    assertValidation("UpdateTable", "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Delete': {'IndexName': 'abc'}},"
            + " {'Delete': {'IndexName': 'abc'}}]}",
        INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: abc");
  }

  @Test
  void acceptsNewIndexAndDeletionProtection() {
    assertAccepted("UpdateTable", "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'g', 'AttributeType': 'S'}],"
        + " 'GlobalSecondaryIndexUpdates': [{'Create': {'IndexName': 'gsi', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],"
        + " 'Projection': {'ProjectionType': 'ALL'}}}]}");
    assertAccepted("UpdateTable", "{'TableName': 'arn:aws:dynamodb:us-east-1:000000000000:table/abc', 'DeletionProtectionEnabled': true}");
  }
}
