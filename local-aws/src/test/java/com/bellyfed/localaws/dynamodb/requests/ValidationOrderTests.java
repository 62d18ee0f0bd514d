package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Stage 2 across operations: every violated member constraint in one message, in the order AWS
 * reports them (a java.util.HashMap's order of the lower-camel member names), at most ten. The
 * exact messages here are those captured from AWS by the paritysuite/dynamodb-conformance registry
 * (regions not yet on the 2026 rewording) and dynalite's tests.
 */
class ValidationOrderTests {

  @Test
  void putItemReportsReturnValuesBeforeTheTableName() {
    assertValidation("PutItem", "{'TableName': '', 'ReturnValues': 'INVALID', 'Item': {}}",
        "2 validation errors detected: Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; Value '' at 'tableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void updateItemReportsReturnConsumedCapacityBeforeReturnValues() {
    assertValidation("UpdateItem",
        "{'TableName': 'abc', 'Key': {'pk': {'S': 'test'}}, 'ReturnValues': 'INVALID', 'ReturnConsumedCapacity': 'INVALID'}",
        "2 validation errors detected: Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'INVALID' at 'returnValues' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
  }

  @Test
  void transactWriteItemsReportsTheTokenBeforeReturnConsumedCapacity() {
    String token = Requests.chars('x', 37);
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'a'}}}}],"
            + " 'ClientRequestToken': '" + token + "', 'ReturnConsumedCapacity': 'BOGUS'}",
        "2 validation errors detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy constraint: Member must"
            + " have length less than or equal to 36; Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
  }

  @Test
  void transactWriteItemsReportsReturnConsumedCapacityBeforeReturnItemCollectionMetrics() {
    assertValidation("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'pk': {'S': 'a'}}}}],"
            + " 'ReturnConsumedCapacity': 'BOGUS', 'ReturnItemCollectionMetrics': 'BOGUS2'}",
        "2 validation errors detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'BOGUS2' at 'returnItemCollectionMetrics' failed to"
            + " satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
  }

  @Test
  void createTableReportsGlobalIndexesBeforeLocalOnes() {
    assertValidation("CreateTable", "{'TableName': 'vo_ct_index_names', 'BillingMode': 'PAY_PER_REQUEST',"
            + " 'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'S'}],"
            + " 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],"
            + " 'LocalSecondaryIndexes': [{'IndexName': 'aa', 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'},"
            + " {'AttributeName': 'lr', 'KeyType': 'RANGE'}], 'Projection': {'ProjectionType': 'ALL'}}],"
            + " 'GlobalSecondaryIndexes': [{'IndexName': 'zz', 'KeySchema': [{'AttributeName': 'gh', 'KeyType': 'HASH'}],"
            + " 'Projection': {'ProjectionType': 'ALL'}}]}",
        "2 validation errors detected: Value 'zz' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 3; Value 'aa' at 'localSecondaryIndexes.1.member.indexName'"
            + " failed to satisfy constraint: Member must have length greater than or equal to 3");
  }

  @Test
  void getItemReportsAttributesToGetThenReturnConsumedCapacityThenKey() {
    assertValidation("GetItem", "{'TableName': 'abc', 'ReturnConsumedCapacity': 'hi', 'AttributesToGet': []}",
        "3 validation errors detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1; Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [INDEXES, TOTAL, NONE]; Value null at 'key' failed to satisfy constraint: Member must"
            + " not be null");
  }

  @Test
  void reportsAMembersPatternBeforeItsLength() {
    assertValidation("ListTables", "{'ExclusiveStartTableName': 'a;', 'Limit': 500}",
        "3 validation errors detected: Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'exclusiveStartTableName' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 3; Value '500' at 'limit' failed to satisfy"
            + " constraint: Member must have value less than or equal to 100");
  }

  @Test
  void reportsAtMostTenViolations() {
    String message = Requests.rejection("CreateTable", "{'TableName': 'abc',"
        + " 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}, {'AttributeName': 'b', 'AttributeType': 'S'}],"
        + " 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}, {'KeyType': 'RANGE', 'AttributeName': 'b'}],"
        + " 'LocalSecondaryIndexes': [{}, {}, {}, {}, {}, {}, {}, {}, {}],"
        + " 'ProvisionedThroughput': {'ReadCapacityUnits': 1, 'WriteCapacityUnits': 1}}").getMessage();
    assertThat(message).startsWith("10 validation errors detected: Value null at 'localSecondaryIndexes.1.member.indexName'"
        + " failed to satisfy constraint: Member must not be null; Value null at 'localSecondaryIndexes.1.member.keySchema'");
    assertThat(message).endsWith("; Value null at 'localSecondaryIndexes.4.member.indexName' failed to satisfy constraint:"
        + " Member must not be null");
    assertThat(message.split("; ")).hasSize(10);
  }

  @Test
  void checksMembersOfEveryListMemberAndMapValue() {
    assertValidation("Query", "{'TableName': 'abc', 'QueryFilter': {'a': {}, 'b': {'ComparisonOperator': ''}},"
            + " 'KeyConditions': {'c': {'ComparisonOperator': 'EQ'}}}",
        "2 validation errors detected: Value null at 'queryFilter.a.member.comparisonOperator' failed to satisfy constraint:"
            + " Member must not be null; Value '' at 'queryFilter.b.member.comparisonOperator' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH,"
            + " GE, CONTAINS]");
  }

  @Test
  void truncatesDecimalsOfWholeNumbersBeforeCheckingThem() {
    assertValidation("ListTables", "{'Limit': 0.9}",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than"
            + " or equal to 1");
  }
}
