package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/**
 * ListTables: names in ascending order, pages of at most Limit names continued after
 * ExclusiveStartTableName, LastEvaluatedTableName. Other tables may share the account (on AWS), so the
 * class gives its own tables a common random prefix and pages from the prefix, which sorts just before them.
 */
@ConformanceTest
class ListTablesConformanceIntegrationTests {

  private static String prefix;
  private static List<String> mine;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    prefix = "conformance-lt" + UUID.randomUUID().toString().substring(0, 8);
    mine = new ArrayList<>();
    // Created out of order, so that the answer's order cannot come from the order of creation.
    for (String suffix : List.of("-c", "-a", "-b")) {
      String name = prefix + suffix;
      tables.track(name);
      dynamoDb.createTable(request -> request
          .tableName(name)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attribute("pk", S))
          .keySchema(hash("pk")));
      mine.add(name);
    }
    for (String name : mine) {
      dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
    }
    mine.sort(String::compareTo);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  @Test
  void listsTheTablesOfTheAccount(DynamoDbClient dynamoDb) {
    assertThat(dynamoDb.listTablesPaginator(request -> request.limit(100)).tableNames()).containsAll(mine);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  // ExclusiveStartTableName: "The first table name that this operation will evaluate" is the one after it.
  @Test
  void startsAfterTheExclusiveStartTableName(DynamoDbClient dynamoDb) {
    ListTablesResponse page = dynamoDb.listTables(request -> request.exclusiveStartTableName(prefix).limit(3));

    assertThat(page.tableNames()).containsExactlyElementsOf(mine);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  @Test
  void excludesTheExclusiveStartTableNameItself(DynamoDbClient dynamoDb) {
    ListTablesResponse page = dynamoDb.listTables(request -> request.exclusiveStartTableName(mine.get(0)).limit(2));

    assertThat(page.tableNames()).containsExactly(mine.get(1), mine.get(2));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  // LastEvaluatedTableName: "The name of the last table in the current page of results. Use this value
  // as the ExclusiveStartTableName in a new request to obtain the next page of results".
  @Test
  void pagesWithLimitAndLastEvaluatedTableName(DynamoDbClient dynamoDb) {
    ListTablesResponse first = dynamoDb.listTables(request -> request.exclusiveStartTableName(prefix).limit(2));
    ListTablesResponse second = dynamoDb.listTables(request -> request.exclusiveStartTableName(first.lastEvaluatedTableName()).limit(2));

    assertThat(first.tableNames()).containsExactly(mine.get(0), mine.get(1));
    assertThat(first.lastEvaluatedTableName()).isEqualTo(mine.get(1));
    assertThat(second.tableNames().get(0)).isEqualTo(mine.get(2));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  @Test
  void returnsAFullPageOfOneWithItsNameAsLastEvaluatedTableName(DynamoDbClient dynamoDb) {
    ListTablesResponse page = dynamoDb.listTables(request -> request.exclusiveStartTableName(prefix).limit(1));

    assertThat(page.tableNames()).containsExactly(mine.get(0));
    assertThat(page.lastEvaluatedTableName()).isEqualTo(mine.get(0));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  // Names come in ascending order across pages.
  @Test
  void listsNamesInAscendingOrderAcrossPages(DynamoDbClient dynamoDb) {
    List<String> names = new ArrayList<>();
    dynamoDb.listTablesPaginator(request -> request.limit(2)).tableNames().forEach(names::add);

    assertThat(names).isSorted().doesNotHaveDuplicates().containsAll(mine);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  // Limit: "Valid Range: Minimum value of 1. Maximum value of 100."
  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void rejectsALimitBelowOne(int limit, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.listTables(request -> request.limit(limit)),
        "1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  @Test
  void rejectsALimitAboveOneHundred(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.listTables(request -> request.limit(101)),
        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
            + "Member must have value less than or equal to 100");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html
  // ExclusiveStartTableName: "Length Constraints: Minimum length of 3. Maximum length of 255."
  @Test
  void rejectsAnExclusiveStartTableNameLongerThan255(DynamoDbClient dynamoDb) {
    String name = "a".repeat(256);
    assertValidation(
        () -> dynamoDb.listTables(request -> request.exclusiveStartTableName(name)),
        "1 validation error detected: Value '" + name + "' at 'exclusiveStartTableName' failed to satisfy "
            + "constraint: Member must have length less than or equal to 255");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html (no parameter is required)
  @Test
  void answersAnEmptyRequest(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("ListTables", "{}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("TableNames").isArray()).isTrue();
  }
}
