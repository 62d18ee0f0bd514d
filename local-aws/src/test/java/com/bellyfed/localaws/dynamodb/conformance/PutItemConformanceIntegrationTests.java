package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertTableNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.b;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bool;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bs;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ns;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.nul;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ss;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PutItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html. The
 * texts of the key errors are AWS's as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class PutItemConformanceIntegrationTests {

  private static String hashTable;
  private static String rangeTable;
  private static String binaryRangeTable;

  @BeforeAll
  static void createTables(Tables tables) {
    hashTable = tables.create("putitem", false);
    rangeTable = tables.create("putitem-range", true);
    binaryRangeTable = tables.create("putitem-binrange", request -> request
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.B).build())
        .keySchema(
            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
  }

  private static Map<String, AttributeValue> read(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key) {
    return dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
  }

  // "Creates a new item, or replaces an old item with a new item."
  @Test
  void putsItemThatGetItemReturns(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "name", s("Ada"), "age", n("36"));

    PutItemResponse response = dynamoDb.putItem(request -> request.tableName(hashTable).item(item));

    assertThat(response.hasAttributes()).isFalse();
    assertThat(read(dynamoDb, hashTable, item("pk", item.get("pk")))).isEqualTo(item);
  }

  // "If an item that has the same primary key as the new item already exists in the specified
  // table, the new item completely replaces the existing item."
  @Test
  void replacesTheWholeExistingItem(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", pk, "a", s("1"), "b", s("2"))));

    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", pk, "c", s("3"))));

    assertThat(read(dynamoDb, hashTable, item("pk", pk))).isEqualTo(item("pk", pk, "c", s("3")));
  }

  // The primary key of a table with a sort key is both attributes: items sharing a partition key
  // are distinct.
  @Test
  void keepsItemsThatShareOnlyThePartitionKey(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", pk, "sk", s("a"), "v", s("first"))));
    dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", pk, "sk", s("b"), "v", s("second"))));

    assertThat(read(dynamoDb, rangeTable, item("pk", pk, "sk", s("a")))).containsEntry("v", s("first"));
    assertThat(read(dynamoDb, rangeTable, item("pk", pk, "sk", s("b")))).containsEntry("v", s("second"));
  }

  // "You must provide all of the attributes for the primary key."
  @Test
  void rejectsItemWithoutThePartitionKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item("other", s("x")))),
        "One or more parameter values were invalid: Missing the key pk in the item");
  }

  @Test
  void rejectsItemWithoutTheSortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", s(unique())))),
        "One or more parameter values were invalid: Missing the key sk in the item");
  }

  static Stream<Arguments> wrongKeyTypes() {
    return Stream.of(
        Arguments.of("N", n("1")),
        Arguments.of("B", b("abc")),
        Arguments.of("BOOL", bool(true)),
        Arguments.of("NULL", nul()),
        Arguments.of("SS", ss("a")),
        Arguments.of("NS", ns("1")),
        Arguments.of("BS", bs("a")),
        Arguments.of("M", m()),
        Arguments.of("L", l()));
  }

  // "... the data types for those attributes must match those of the schema in the table's
  // attribute definition."
  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongKeyTypes")
  void rejectsPartitionKeyOfTheWrongType(String type, AttributeValue key, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", key))),
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: " + type);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // "String ... primary key attribute ... its length must be greater than zero."
  @Test
  void rejectsEmptyStringPartitionKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", s("")))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an"
            + " empty string value. Key: pk");
  }

  // Same page: a binary key attribute's length must be greater than zero too.
  @Test
  void rejectsEmptyBinarySortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request.tableName(binaryRangeTable).item(item("pk", s(unique()), "sk", b()))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an"
            + " empty binary value. Key: sk");
  }

  // Errors: ResourceNotFoundException "The operation tried to access a nonexistent table or index."
  @Test
  void rejectsUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    assertTableNotFound(() -> dynamoDb.putItem(request -> request.tableName(tables.name("missing")).item(item("pk", s("a")))));
  }

  // Item is required ("Required: Yes"); AWS's constraint message names the member.
  @Test
  void rejectsRequestWithoutItem(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("PutItem", "{\"TableName\":\"" + hashTable + "\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(answer.message())
        .isEqualTo("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
  }

  // TableName is a String; a number is a SerializationException, whose member is spelled "Message".
  @Test
  void rejectsTableNameThatIsNotAString(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("PutItem", "{\"TableName\":23,\"Item\":{\"pk\":{\"S\":\"a\"}}}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("com.amazon.coral.service#SerializationException");
    assertThat(answer.message()).isEqualTo("NUMBER_VALUE cannot be converted to String");
  }

  // An AttributeValue's S member is a String.
  @Test
  void rejectsStringValueThatIsNotAString(RawDynamoDb raw) {
    RawDynamoDb.Answer answer =
        raw.call("PutItem", "{\"TableName\":\"" + hashTable + "\",\"Item\":{\"pk\":{\"S\":true}}}");

    assertThat(answer.type()).isEqualTo("com.amazon.coral.service#SerializationException");
    assertThat(answer.message()).isEqualTo("TRUE_VALUE cannot be converted to String");
  }
}
