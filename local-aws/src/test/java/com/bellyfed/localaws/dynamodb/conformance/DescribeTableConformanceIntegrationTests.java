package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.all;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.include;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.lsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.range;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.B;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DescribeTable: an ACTIVE table with its indexes, by name or ARN; errors for missing tables and malformed requests. */
@ConformanceTest
class DescribeTableConformanceIntegrationTests {

  private static String name;

  @BeforeAll
  static void createTable(Tables tables) {
    name = tables.create("describetable", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("sk", N), attribute("gk", B), attribute("lk", S))
        .keySchema(hash("pk"), range("sk"))
        .globalSecondaryIndexes(gsi("byGk", include("note"), hash("gk"), range("sk")))
        .localSecondaryIndexes(lsi("byLk", all(), hash("pk"), range("lk"))));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
  @Test
  void describesAnActiveTableWithItsSchema(DynamoDbClient dynamoDb) {
    TableDescription table = dynamoDb.describeTable(request -> request.tableName(name)).table();

    assertThat(table.tableName()).isEqualTo(name);
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.keySchema()).containsExactly(hash("pk"), range("sk"));
    assertThat(table.attributeDefinitions())
        .containsExactlyInAnyOrder(attribute("pk", S), attribute("sk", N), attribute("gk", B), attribute("lk", S));
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table.creationDateTime()).isNotNull();
    assertThat(table.tableId()).isNotBlank();
    assertThat(table.tableArn()).endsWith(":table/" + name);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html
  @Test
  void describesTheGlobalIndexOnceActive(DynamoDbClient dynamoDb) {
    Waits.forTableChange().untilAsserted(() -> {
      GlobalSecondaryIndexDescription index =
          dynamoDb.describeTable(request -> request.tableName(name)).table().globalSecondaryIndexes().get(0);
      assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    });
    TableDescription table = dynamoDb.describeTable(request -> request.tableName(name)).table();
    GlobalSecondaryIndexDescription index = table.globalSecondaryIndexes().get(0);

    assertThat(table.globalSecondaryIndexes()).hasSize(1);
    assertThat(index.indexName()).isEqualTo("byGk");
    assertThat(index.keySchema()).containsExactly(hash("gk"), range("sk"));
    assertThat(index.projection()).isEqualTo(include("note"));
    assertThat(index.indexArn()).isEqualTo(table.tableArn() + "/index/byGk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_LocalSecondaryIndexDescription.html
  @Test
  void describesTheLocalIndex(DynamoDbClient dynamoDb) {
    TableDescription table = dynamoDb.describeTable(request -> request.tableName(name)).table();
    LocalSecondaryIndexDescription index = table.localSecondaryIndexes().get(0);

    assertThat(table.localSecondaryIndexes()).hasSize(1);
    assertThat(index.indexName()).isEqualTo("byLk");
    assertThat(index.keySchema()).containsExactly(hash("pk"), range("lk"));
    assertThat(index.projection()).isEqualTo(all());
    assertThat(index.indexArn()).isEqualTo(table.tableArn() + "/index/byLk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
  // TableName: "You can also provide the Amazon Resource Name (ARN) of the table in this parameter."
  @Test
  void describesATableNamedByItsArn(DynamoDbClient dynamoDb) {
    String arn = dynamoDb.describeTable(request -> request.tableName(name)).table().tableArn();

    TableDescription table = dynamoDb.describeTable(request -> request.tableName(arn)).table();

    assertThat(table.tableName()).isEqualTo(name);
    assertThat(table.tableArn()).isEqualTo(arn);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html,
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html
  // TableName: "You can also provide the Amazon Resource Name (ARN) of the table in this parameter."
  @Test
  void servesTheItemsOfATableNamedByItsArn(DynamoDbClient dynamoDb) {
    String arn = dynamoDb.describeTable(request -> request.tableName(name)).table().tableArn();
    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("by-arn"), "sk", AttributeValue.fromN("1"));

    dynamoDb.putItem(request -> request.tableName(arn).item(item));

    assertThat(dynamoDb.getItem(request -> request.tableName(arn).key(item).consistentRead(true)).item()).isEqualTo(item);
    assertThat(dynamoDb.getItem(request -> request.tableName(name).key(item).consistentRead(true)).item()).isEqualTo(item);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
  // Observed 2026: a missing table named by its ARN is not found by the name in it (ack-api-quirks dynamodb,
  // table.md "Identifier inputs").
  @Test
  void rejectsAnUnknownTableNamedByItsArn(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("describetable-missing");
    String arn = dynamoDb.describeTable(request -> request.tableName(name)).table().tableArn().replace(name, missing);
    assertNotFound(
        () -> dynamoDb.describeTable(request -> request.tableName(arn)),
        "Requested resource not found: Table: " + missing + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html (ResourceNotFoundException)
  // Observed text: dynalite test/describeTable.js.
  @Test
  void rejectsAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("describetable-missing");
    assertNotFound(
        () -> dynamoDb.describeTable(request -> request.tableName(missing)),
        "Requested resource not found: Table: " + missing + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html (TableName: Required: Yes)
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html (ValidationException)
  @Test
  void rejectsARequestWithoutTableName(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DescribeTable", "{}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(answer.message()).isEqualTo("The parameter 'TableName' is required but was not present in the request");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html (SerializationException)
  // Observed text: dynalite test/helpers.js (assertType).
  @Test
  void rejectsATableNameThatIsNotAString(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DescribeTable", "{\"TableName\": 42}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("com.amazon.coral.service#SerializationException");
    assertThat(answer.message()).isEqualTo("NUMBER_VALUE cannot be converted to String");
  }
}
