package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DeleteTable: DELETING in the answer, then gone with its items; the error for a missing table. */
@ConformanceTest
class DeleteTableConformanceIntegrationTests {

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
  // The table is in the DELETING state until DynamoDB completes the deletion.
  @Test
  void answersWithStatusDeleting(DynamoDbClient dynamoDb, Tables tables) {
    String name = tables.create("deletetable-status", false);
    String arn = dynamoDb.describeTable(request -> request.tableName(name)).table().tableArn();

    TableDescription deleted = dynamoDb.deleteTable(request -> request.tableName(name)).tableDescription();

    assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(deleted.tableName()).isEqualTo(name);
    assertThat(deleted.tableArn()).isEqualTo(arn);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
  // The answer describes the table being deleted, without its key schema or indexes (observed: dynalite
  // test/deleteTable.js, ScyllaDB test_table.py, both run against AWS).
  @Test
  void answersWithoutKeySchemaOrIndexes(DynamoDbClient dynamoDb, Tables tables) {
    String name = tables.create("deletetable-shape", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("gk", S))
        .keySchema(hash("pk"))
        .globalSecondaryIndexes(gsi("byGk", keysOnly(), hash("gk"))));

    TableDescription deleted = dynamoDb.deleteTable(request -> request.tableName(name)).tableDescription();

    assertThat(deleted.hasKeySchema()).isFalse();
    assertThat(deleted.hasGlobalSecondaryIndexes()).isFalse();
    assertThat(deleted.hasLocalSecondaryIndexes()).isFalse();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
  // TableName: "You can also provide the Amazon Resource Name (ARN) of the table in this parameter."
  @Test
  void deletesATableNamedByItsArn(DynamoDbClient dynamoDb, Tables tables) {
    String name = tables.create("deletetable-arn", false);
    String arn = dynamoDb.describeTable(request -> request.tableName(name)).table().tableArn();

    TableDescription deleted = dynamoDb.deleteTable(request -> request.tableName(arn)).tableDescription();

    assertThat(deleted.tableName()).isEqualTo(name);
    Waits.untilTableGone(dynamoDb, name);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
  // "When you delete a table, any indexes on that table are also deleted."
  @Test
  void isGoneOnceDeleted(DynamoDbClient dynamoDb, Tables tables) {
    String name = tables.create("deletetable-gone", false);

    dynamoDb.deleteTable(request -> request.tableName(name));
    Waits.untilTableGone(dynamoDb, name);

    assertNotFound(
        () -> dynamoDb.describeTable(request -> request.tableName(name)),
        "Requested resource not found: Table: " + name + " not found");
    assertThat(dynamoDb.listTablesPaginator(request -> request.limit(100)).tableNames()).doesNotContain(name);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
  // "The DeleteTable operation deletes a table and all of its items."
  @Test
  void deletesTheItemsWithTheTable(DynamoDbClient dynamoDb, Tables tables) {
    String name = tables.create("deletetable-items", false);
    dynamoDb.putItem(request -> request.tableName(name).item(item("pk", s("kept?"))));

    dynamoDb.deleteTable(request -> request.tableName(name));
    Waits.untilTableGone(dynamoDb, name);
    Consumer<CreateTableRequest.Builder> same = request -> request
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attribute("pk", S))
        .keySchema(hash("pk"));
    dynamoDb.createTable(same);
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));

    assertThat(dynamoDb.scan(request -> request.tableName(name).consistentRead(true)).count()).isZero();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
  // "If the specified table does not exist, DynamoDB returns a ResourceNotFoundException."
  @Test
  void rejectsAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("deletetable-missing");
    assertNotFound(
        () -> dynamoDb.deleteTable(request -> request.tableName(missing)),
        "Requested resource not found: Table: " + missing + " not found");
  }
}
