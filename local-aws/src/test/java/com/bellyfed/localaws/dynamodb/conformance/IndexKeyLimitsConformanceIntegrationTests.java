package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.all;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.lsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.range;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key size limits on secondary index keys, which are those of table keys
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html:
 * "The maximum length of a partition key is 2048 bytes, and the maximum length of a sort key is 1024
 * bytes", measured in UTF-8 bytes as
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-partition-sort-keys
 * says), and on the key values of a Query. AWS's message for an index key, as its users quote it:
 * "One or more parameter values were invalid: Size limit exceeded for Index Key componentId Actual Size:
 * 2175 bytes Max Size: 2048 bytes IndexName: work-sets-index" (github.com/wellcomecollection/platform#2285;
 * the same form in github.com/architect/dynalite#35, "Actual Size: 43398 bytes Max Size: 2048 bytes").
 */
@ConformanceTest
class IndexKeyLimitsConformanceIntegrationTests {

  private static String table;

  @BeforeAll
  static void createTable(DynamoDbClient dynamoDb, Tables tables) {
    table = tables.create("indexkeylimits", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("gk", S), attribute("gs", S), attribute("lk", S))
        .keySchema(hash("pk"), range("sk"))
        .globalSecondaryIndexes(gsi("byGk", all(), hash("gk"), range("gs")))
        .localSecondaryIndexes(lsi("byLk", keysOnly(), hash("pk"), range("lk"))));
    Waits.forTableChange().untilAsserted(() -> assertThat(dynamoDb.describeTable(request -> request.tableName(table)).table()
        .globalSecondaryIndexes()).allSatisfy(index -> assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE")));
  }

  private static void put(DynamoDbClient dynamoDb, Map<String, AttributeValue> item) {
    dynamoDb.putItem(request -> request.tableName(table).item(item));
  }

  private static boolean stored(DynamoDbClient dynamoDb, Map<String, AttributeValue> item) {
    return dynamoDb.getItem(request -> request.tableName(table).key(item("pk", item.get("pk"), "sk", item.get("sk")))
        .consistentRead(true)).hasItem();
  }

  @Test
  void acceptsIndexKeysOfExactlyTheirLimits(DynamoDbClient dynamoDb) {
    String prefix = unique();
    String gk = prefix + "g".repeat(2048 - prefix.length());
    Map<String, AttributeValue> item = item("pk", s(unique()), "sk", s("1"), "gk", s(gk), "gs", s("s".repeat(1024)),
        "lk", s("l".repeat(1024)));

    put(dynamoDb, item);

    Waits.forConsistency().untilAsserted(() -> assertThat(dynamoDb.query(request -> request.tableName(table).indexName("byGk")
        .keyConditionExpression("gk = :g").expressionAttributeValues(Map.of(":g", s(gk)))).items()).containsExactly(item));
  }

  @Test
  void rejectsAGlobalIndexPartitionKeyOverItsLimitInUtf8Bytes(DynamoDbClient dynamoDb) {
    // 1025 two-byte characters: 2050 bytes, though only 1025 characters.
    Map<String, AttributeValue> item = item("pk", s(unique()), "sk", s("1"), "gk", s("é".repeat(1025)), "gs", s("s"));

    assertValidation(() -> put(dynamoDb, item),
        "One or more parameter values were invalid: Size limit exceeded for Index Key gk Actual Size: 2050 bytes"
            + " Max Size: 2048 bytes IndexName: byGk");
    assertThat(stored(dynamoDb, item)).isFalse();
  }

  // The sort key's limit is the documented 1024 bytes; its wording is the partition key's with that limit.
  @Test
  void rejectsAGlobalIndexSortKeyOverItsLimit(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "sk", s("1"), "gk", s("g"), "gs", s("s".repeat(1025)));

    assertValidation(() -> put(dynamoDb, item),
        "One or more parameter values were invalid: Size limit exceeded for Index Key gs Actual Size: 1025 bytes"
            + " Max Size: 1024 bytes IndexName: byGk");
    assertThat(stored(dynamoDb, item)).isFalse();
  }

  @Test
  void rejectsAnUpdateThatWouldGiveALocalIndexAnOversizedSortKey(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "sk", s("1"), "lk", s("short"));
    put(dynamoDb, item);

    assertValidation(
        () -> dynamoDb.updateItem(request -> request.tableName(table).key(item("pk", item.get("pk"), "sk", item.get("sk")))
            .updateExpression("SET lk = :l").expressionAttributeValues(Map.of(":l", s("l".repeat(70_000))))),
        "One or more parameter values were invalid: Size limit exceeded for Index Key lk Actual Size: 70000 bytes"
            + " Max Size: 1024 bytes IndexName: byLk");
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(item("pk", item.get("pk"), "sk", item.get("sk")))
        .consistentRead(true)).item()).isEqualTo(item);
  }

  // A Query's partition key value is held to the limit as GetItem's key is: "An error occurred
  // (ValidationException) when calling the Query operation: One or more parameter values were invalid:
  // Size of hashkey has exceeded the maximum size limit of2048 bytes" (github.com/facebook/ThreatExchange/issues/1324).
  @Test
  void rejectsAQueryWhosePartitionKeyValueIsOverTheLimit(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.query(request -> request.tableName(table).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("p".repeat(70_000))))),
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }

  @Test
  void answersAQueryWhosePartitionKeyValueIsAtTheLimit(DynamoDbClient dynamoDb) {
    assertThat(dynamoDb.query(request -> request.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p".repeat(2048))))).items()).isEmpty();
  }
}
