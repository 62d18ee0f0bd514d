package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * ReturnConsumedCapacity on item reads and writes:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html ("A
 * strongly consistent read request of an item up to 4 KB requires one read unit. An eventually
 * consistent read request ... one-half read unit. A transactional read request ... two read units";
 * "A standard write request of an item up to 1 KB requires one write unit ... transactional ... two")
 * and the ReturnConsumedCapacity member of
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html ("INDEXES - ...
 * together with ConsumedCapacity for each table and secondary index ... TOTAL - only the aggregate
 * ConsumedCapacity ... NONE - No ConsumedCapacity details"). Only the documented units are asserted.
 */
@ConformanceTest
class ConsumedCapacityConformanceIntegrationTests {

  private static final String HALF_KB = "x".repeat(500);
  private static final String KB_AND_A_HALF = "x".repeat(1500);
  private static final String FIVE_KB = "x".repeat(5000);

  private static String table;

  @BeforeAll
  static void createTable(Tables tables) {
    table = tables.create("capacity", false);
  }

  private static Map<String, AttributeValue> given(DynamoDbClient dynamoDb, String payload) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "payload", s(payload));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    return item("pk", item.get("pk"));
  }

  private static ConsumedCapacity put(DynamoDbClient dynamoDb, Map<String, AttributeValue> item, ReturnConsumedCapacity mode) {
    return dynamoDb.putItem(request -> request.tableName(table).item(item).returnConsumedCapacity(mode)).consumedCapacity();
  }

  private static ConsumedCapacity read(DynamoDbClient dynamoDb, Map<String, AttributeValue> key, boolean consistent) {
    return dynamoDb.getItem(request -> request
        .tableName(table).key(key).consistentRead(consistent).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity();
  }

  @Test
  void totalReportsOneWriteUnitForASmallPut(DynamoDbClient dynamoDb) {
    ConsumedCapacity capacity = put(dynamoDb, item("pk", s(unique()), "payload", s(HALF_KB)), ReturnConsumedCapacity.TOTAL);

    assertThat(capacity.tableName()).isEqualTo(table);
    assertThat(capacity.capacityUnits()).isEqualTo(1.0);
    assertThat(capacity.table()).isNull();
  }

  @Test
  void indexesAlsoReportsTheTable(DynamoDbClient dynamoDb) {
    ConsumedCapacity capacity = put(dynamoDb, item("pk", s(unique()), "payload", s(HALF_KB)), ReturnConsumedCapacity.INDEXES);

    assertThat(capacity.capacityUnits()).isEqualTo(1.0);
    assertThat(capacity.table().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void noneReportsNothing(DynamoDbClient dynamoDb) {
    assertThat(put(dynamoDb, item("pk", s(unique())), ReturnConsumedCapacity.NONE)).isNull();
    assertThat(dynamoDb.putItem(request -> request.tableName(table).item(item("pk", s(unique())))).consumedCapacity()).isNull();
  }

  // "Items larger than 1 KB require additional write units": 1.5 KB is two.
  @Test
  void chargesEachStartedKilobyteWritten(DynamoDbClient dynamoDb) {
    assertThat(put(dynamoDb, item("pk", s(unique()), "payload", s(KB_AND_A_HALF)), ReturnConsumedCapacity.TOTAL).capacityUnits())
        .isEqualTo(2.0);
  }

  // "PutItem ... the item size that matters is the larger of the two" (old and new item).
  @Test
  void chargesTheLargerOfTheReplacedAndTheNewItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, KB_AND_A_HALF);

    assertThat(put(dynamoDb, key, ReturnConsumedCapacity.TOTAL).capacityUnits()).isEqualTo(2.0);
  }

  // "UpdateItem ... considers the size of the item as it appears before and after the update. The
  // provisioned throughput consumed reflects the larger of these item sizes."
  @Test
  void chargesAnUpdateByTheLargerOfBeforeAndAfter(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, KB_AND_A_HALF);

    ConsumedCapacity capacity = dynamoDb.updateItem(request -> request
        .tableName(table).key(key).updateExpression("REMOVE payload")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(capacity.capacityUnits()).isEqualTo(2.0);
  }

  // "DeleteItem ... The size of the deleted item" decides.
  @Test
  void chargesADeleteByTheDeletedItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, KB_AND_A_HALF);

    ConsumedCapacity capacity = dynamoDb.deleteItem(request -> request
        .tableName(table).key(key).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(capacity.capacityUnits()).isEqualTo(2.0);
  }

  @Test
  void chargesHalfAReadUnitForAnEventuallyConsistentRead(DynamoDbClient dynamoDb) {
    assertThat(read(dynamoDb, given(dynamoDb, HALF_KB), false).capacityUnits()).isEqualTo(0.5);
  }

  @Test
  void chargesOneReadUnitForAStronglyConsistentRead(DynamoDbClient dynamoDb) {
    assertThat(read(dynamoDb, given(dynamoDb, HALF_KB), true).capacityUnits()).isEqualTo(1.0);
  }

  // "Item sizes for reads are rounded up to the next 4 KB multiple": 5 KB reads as 8 KB.
  @Test
  void chargesEachStartedFourKilobytesRead(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, FIVE_KB);

    assertThat(read(dynamoDb, key, true).capacityUnits()).isEqualTo(2.0);
    assertThat(read(dynamoDb, key, false).capacityUnits()).isEqualTo(1.0);
  }

  // Reading an item that does not exist still consumes the minimum read.
  @Test
  void chargesAReadOfAMissingItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    assertThat(read(dynamoDb, key, false).capacityUnits()).isEqualTo(0.5);
    assertThat(read(dynamoDb, key, true).capacityUnits()).isEqualTo(1.0);
  }

  // "Transactional write requests require 2 write units for items up to 1 KB".
  @Test
  void chargesTwoWriteUnitsForATransactionalWrite(DynamoDbClient dynamoDb) {
    var capacities = dynamoDb.transactWriteItems(request -> request
        .transactItems(TransactWriteItem.builder()
            .put(Put.builder().tableName(table).item(item("pk", s(unique()), "payload", s(HALF_KB))).build())
            .build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(capacities).singleElement().satisfies(capacity -> {
      assertThat(capacity.tableName()).isEqualTo(table);
      assertThat(capacity.capacityUnits()).isEqualTo(2.0);
    });
  }

  // "A transactional read request of an item up to 4 KB requires two read units."
  @Test
  void chargesTwoReadUnitsForATransactionalRead(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, HALF_KB);

    var capacities = dynamoDb.transactGetItems(request -> request
        .transactItems(TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build())
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

    assertThat(capacities).singleElement().satisfies(capacity -> {
      assertThat(capacity.tableName()).isEqualTo(table);
      assertThat(capacity.capacityUnits()).isEqualTo(2.0);
    });
  }
}
