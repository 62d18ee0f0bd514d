package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * CreateTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html);
 * messages as dynalite's test/createTable.js and the dynamodb-conformance suites record them from AWS.
 */
class CreateTableTests {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String DEFINITIONS_AB =
      "'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}, {'AttributeName': 'b', 'AttributeType': 'S'}]";
  private static final String KEYS_AB = "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}, {'KeyType': 'RANGE', 'AttributeName': 'b'}]";
  private static final String THROUGHPUT = "'ProvisionedThroughput': {'ReadCapacityUnits': 1, 'WriteCapacityUnits': 1}";

  private static String table(String members) {
    return "{'TableName': 'abc', " + members + "}";
  }

  private static String withLocal(String index) {
    return table(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", 'LocalSecondaryIndexes': [" + index + "]");
  }

  private static String withGlobal(String index) {
    return table(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", 'GlobalSecondaryIndexes': [" + index + "]");
  }

  @Test
  void asksForTheTableNameBeforeAnythingElse() {
    assertValidation("CreateTable", "{'KeySchema': []}", "The parameter 'TableName' is required but was not present in the request");
  }

  @Test
  void refusesShortTableName() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT).replace("'abc'", "'ab'"),
        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 3");
  }

  @Test
  void reportsTheNamesPatternWithTheOtherMembers() {
    assertValidation("CreateTable", "{'TableName': 'abc;'}",
        "3 validation errors detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null;"
            + " Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
            + " [a-zA-Z0-9_.-]+; Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void refusesLongTableName() {
    String name = Requests.chars('a', 256);
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", " + KEYS_AB).replace("'abc'", "'" + name + "'"),
        "1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must have length"
            + " less than or equal to 255");
  }

  @Test
  void refusesMoreThanTwoKeysQuotingTheKeySchemaAsAwsPrintsIt() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'},"
            + " {'AttributeName': 'extra', 'KeyType': 'RANGE'}], " + THROUGHPUT),
        "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=sk,"
            + " keyType=RANGE), KeySchemaElement(attributeName=extra, keyType=RANGE)]' at 'keySchema' failed to satisfy"
            + " constraint: Member must have length less than or equal to 2");
  }

  @Test
  void refusesUnknownKeyType() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'INVALID'}], " + THROUGHPUT),
        "1 validation error detected: Value 'INVALID' at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [HASH, RANGE]");
  }

  @Test
  void refusesSetTypeInAttributeDefinition() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'b', 'AttributeType': 'SS'}],"
            + " 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + THROUGHPUT),
        "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [B, N, S]");
  }

  @Test
  void reportsEveryMissingMemberOfAnAttributeDefinition() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{}], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
            + THROUGHPUT),
        "2 validation errors detected: Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint:"
            + " Member must not be null; Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy"
            + " constraint: Member must not be null");
  }

  @Test
  void reportsBadThroughputAndBillingModeTogether() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [], 'KeySchema': [],"
            + " 'ProvisionedThroughput': {'ReadCapacityUnits': -1, 'WriteCapacityUnits': -1}, 'BillingMode': 'A'"),
        "4 validation errors detected: Value 'A' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [PROVISIONED, PAY_PER_REQUEST]; Value '[]' at 'keySchema' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1; Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1; Value '-1' at"
            + " 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or"
            + " equal to 1");
  }

  @Test
  void requiresThroughputWhenProvisioned() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}]"),
        INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
  }

  @Test
  void refusesThroughputWhenPayPerRequest() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'},"
            + " {'KeyType': 'HASH', 'AttributeName': 'a'}], " + THROUGHPUT + ", 'BillingMode': 'PAY_PER_REQUEST'"),
        INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
  }

  @Test
  void refusesThroughputOutOfBoundsReadFirst() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}],"
            + " 'ProvisionedThroughput': {'WriteCapacityUnits': 1000000000001, 'ReadCapacityUnits': 1000000000001}"),
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    assertValidation("CreateTable", table("'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}],"
            + " 'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000000, 'WriteCapacityUnits': 1000000000001}"),
        "Given value 1000000000001 for WriteCapacityUnits is out of bounds");
  }

  @Test
  void refusesMoreKeysThanDefinitions() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'pk', 'KeyType': 'RANGE'}], " + THROUGHPUT),
        "Invalid KeySchema: Some index key attribute have no definition");
  }

  @Test
  void refusesUndefinedKey() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'b', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + THROUGHPUT),
        INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]");
  }

  @Test
  void refusesHashAndRangeKeyOfOneName() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'},"
            + " {'KeyType': 'HASH', 'AttributeName': 'a'}], " + THROUGHPUT),
        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }

  @Test
  void refusesRangeKeyFirstAndHashKeySecond() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", 'KeySchema': [{'KeyType': 'RANGE', 'AttributeName': 'a'},"
            + " {'KeyType': 'HASH', 'AttributeName': 'b'}], " + THROUGHPUT),
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'},"
            + " {'KeyType': 'HASH', 'AttributeName': 'b'}], " + THROUGHPUT),
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  @Test
  void refusesDefinitionNoKeyUsesWithoutIndexes() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + THROUGHPUT),
        INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
  }

  @Test
  void refusesTheSameAttributeDefinedTwice() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'xyz', 'AttributeType': 'S'},"
            + " {'AttributeName': 'xyz', 'AttributeType': 'N'}], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'xyz'}],"
            + " 'BillingMode': 'PAY_PER_REQUEST'"),
        "Attribute Name is duplicated: xyz");
  }

  @Test
  void refusesEmptyListsOfIndexes() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
        + THROUGHPUT + ", 'LocalSecondaryIndexes': []"), INVALID + "List of LocalSecondaryIndexes is empty");
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", 'GlobalSecondaryIndexes': []"),
        INVALID + "List of GlobalSecondaryIndexes is empty");
  }

  @Test
  void refusesLocalIndexOnTableWithoutRangeKey() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + THROUGHPUT
            + ", 'LocalSecondaryIndexes': [{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'c', 'KeyType': 'RANGE'}], 'Projection': {}}]"),
        INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
  }

  @Test
  void refusesLocalIndexWithoutRangeKey() {
    assertValidation("CreateTable", withLocal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
        + " 'Projection': {}}"), INVALID + "Index KeySchema does not have a range key for index: abc");
  }

  @Test
  void refusesLocalIndexWithAnotherHashKey() {
    assertValidation("CreateTable", withLocal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'},"
            + " {'AttributeName': 'a', 'KeyType': 'RANGE'}], 'Projection': {}}"),
        INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. index hash key: b,"
            + " table hash key: a");
  }

  @Test
  void refusesIndexWithoutProjectionType() {
    assertValidation("CreateTable", withLocal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'},"
        + " {'AttributeName': 'b', 'KeyType': 'RANGE'}], 'Projection': {'NonKeyAttributes': ['a']}}"), INVALID + "Unknown ProjectionType: null");
    assertValidation("CreateTable", withGlobal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
        + " 'Projection': {}}"), INVALID + "Unknown ProjectionType: null");
  }

  @Test
  void refusesNonKeyAttributesUnlessIncluding() {
    assertValidation("CreateTable", withGlobal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'KEYS_ONLY', 'NonKeyAttributes': ['a']}}"),
        INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified");
  }

  // Observed 2026: ack-api-quirks dynamodb DDB-TABLE-126, -128, -442.
  @Test
  void refusesIncludeWithoutOrWithRepeatedNonKeyAttributes() {
    assertValidation("CreateTable", withGlobal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'INCLUDE'}}"),
        INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    assertValidation("CreateTable", withGlobal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['x', 'y', 'x']}}"),
        INVALID + "Duplicate element in NonKeyAttributes: x");
  }

  @Test
  void refusesProvisionedIndexWithoutThroughput() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT
            + ", 'GlobalSecondaryIndexes': [{'IndexName': 'abd', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'ALL'}}]"),
        INVALID + "ProvisionedThroughput is not specified for index: abd");
  }

  // Observed 2026: CreateTable checks its tags as TagResource does (ack-api-quirks dynamodb DDB-TABLE-110).
  @Test
  void checksTheTags() {
    String table = "'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}], 'KeySchema': [{'KeyType': 'HASH',"
        + " 'AttributeName': 'a'}], 'BillingMode': 'PAY_PER_REQUEST', ";
    assertValidation("CreateTable", table(table + "'Tags': [{'Key': 'aws:foo', 'Value': 'v'}]"),
        "Tag Key cannot be prefixed with aws:, Key: aws:foo");
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      tags.append(i == 0 ? "" : ", ").append("{'Key': 'k").append(i).append("', 'Value': 'v'}");
    }
    assertValidation("CreateTable", table(table + "'Tags': [" + tags + "]"),
        "Number of Tags exceed the current limit for the provided ResourceArn");
  }

  @Test
  void reportsProjectionConstraintsOfAnIndex() {
    assertValidation("CreateTable", withLocal("{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'},"
            + " {'AttributeName': 'b', 'KeyType': 'RANGE'}], 'Projection': {'NonKeyAttributes': [], 'ProjectionType': 'abc'}}"),
        "2 validation errors detected: Value '[]' at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to"
            + " satisfy constraint: Member must have length greater than or equal to 1; Value 'abc' at"
            + " 'localSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [ALL, INCLUDE, KEYS_ONLY]");
  }

  @Test
  void refusesDuplicateIndexNamesAcrossKinds() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT
            + ", 'LocalSecondaryIndexes': [{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'},"
            + " {'AttributeName': 'b', 'KeyType': 'RANGE'}], 'Projection': {'ProjectionType': 'ALL'}}],"
            + " 'GlobalSecondaryIndexes': [{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'ALL'}, " + THROUGHPUT + "}]"),
        INVALID + "Duplicate index name: abc");
  }

  @Test
  void refusesIndexThroughputWhenPayPerRequest() {
    assertValidation("CreateTable", table(DEFINITIONS_AB + ", " + KEYS_AB + ", 'BillingMode': 'PAY_PER_REQUEST',"
            + " 'GlobalSecondaryIndexes': [{'IndexName': 'abd', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'ALL'}, " + THROUGHPUT + "}]"),
        INVALID + "ProvisionedThroughput should not be specified for index: abd when BillingMode is PAY_PER_REQUEST");
  }

  @Test
  void refusesMoreThanFiveLocalIndexes() {
    StringBuilder indexes = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      indexes.append(i == 0 ? "" : ", ").append("{'IndexName': 'ab").append(i).append("', 'KeySchema': [{'AttributeName': 'a',"
          + " 'KeyType': 'HASH'}, {'AttributeName': 'b', 'KeyType': 'RANGE'}], 'Projection': {'ProjectionType': 'ALL'}}");
    }
    assertValidation("CreateTable", withLocal(indexes.toString()), INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
  }

  @Test
  void refusesDefinitionNoIndexUses() {
    assertValidation("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'id', 'AttributeType': 'S'},"
            + " {'AttributeName': 'user', 'AttributeType': 'S'}, {'AttributeName': 'created_at', 'AttributeType': 'N'}],"
            + " 'KeySchema': [{'AttributeName': 'id', 'KeyType': 'HASH'}], 'BillingMode': 'PAY_PER_REQUEST',"
            + " 'GlobalSecondaryIndexes': [{'IndexName': 'gsi_user-items', 'KeySchema': [{'AttributeName': 'user', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'ALL'}}]"),
        INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [created_at, id, user], keys used: [id, user]");
  }

  @Test
  void acceptsTableWithIndexes() {
    assertAccepted("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'},"
        + " {'AttributeName': 'b', 'AttributeType': 'N'}, {'AttributeName': 'c', 'AttributeType': 'B'}], " + KEYS_AB + ", " + THROUGHPUT
        + ", 'LocalSecondaryIndexes': [{'IndexName': 'local', 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'},"
        + " {'AttributeName': 'c', 'KeyType': 'RANGE'}], 'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['x']}}],"
        + " 'GlobalSecondaryIndexes': [{'IndexName': 'global', 'KeySchema': [{'AttributeName': 'c', 'KeyType': 'HASH'}],"
        + " 'Projection': {'ProjectionType': 'KEYS_ONLY'}, " + THROUGHPUT + "}], 'StreamSpecification': {'StreamEnabled': false},"
        + " 'Tags': [{'Key': 'k', 'Value': ''}], 'TableClass': 'STANDARD', 'DeletionProtectionEnabled': false"));
  }

  @Test
  void acceptsPayPerRequestTableWithoutThroughput() {
    assertAccepted("CreateTable", table("'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],"
        + " 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}], 'BillingMode': 'PAY_PER_REQUEST'"));
  }

  /**
   * At most 100 projected attributes across all of a table's indexes, one projected twice counting
   * twice (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes).
   */
  @Test
  void refusesMoreThanAHundredProjectedAttributesAcrossTheIndexes() {
    assertAccepted("CreateTable", withGlobal(projecting(5, 20)));
    assertValidation("CreateTable", withGlobal(projecting(5, 20) + ", " + projecting(1, 1).replace("index0", "extra")),
        INVALID + "Number of projected attributes in all indexes exceeds limit of 100");
  }

  /** {@code indexes} global indexes on b, each projecting the same {@code attributes} attributes. */
  private static String projecting(int indexes, int attributes) {
    StringBuilder names = new StringBuilder();
    for (int j = 0; j < attributes; j++) {
      names.append(j > 0 ? ", " : "").append("'n").append(j).append("'");
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < indexes; i++) {
      list.append(i > 0 ? ", " : "").append("{'IndexName': 'index").append(i).append("', 'KeySchema': [{'AttributeName': 'b',"
          + " 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': [").append(names).append("]}, ")
          .append(THROUGHPUT).append("}");
    }
    return list.toString();
  }
}
