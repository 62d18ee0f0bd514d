package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertTableNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.b;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bool;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
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
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * GetItem: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html. Key
 * errors carry AWS's texts as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class GetItemConformanceIntegrationTests {

  private static String hashTable;
  private static String rangeTable;

  @BeforeAll
  static void createTables(Tables tables) {
    hashTable = tables.create("getitem", false);
    rangeTable = tables.create("getitem-range", true);
  }

  // "The GetItem operation returns a set of attributes for the item with the given primary key."
  @Test
  void returnsTheItemWithTheGivenKey(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "a", s("x"), "b", n("2"));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item));

    GetItemResponse response =
        dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", item.get("pk"))).consistentRead(true));

    assertThat(response.item()).isEqualTo(item);
  }

  // "If there is no matching item, GetItem does not return any data and there will be no Item
  // element in the response."
  @Test
  void returnsNoItemElementForAMissingKey(DynamoDbClient dynamoDb) {
    GetItemResponse response =
        dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", s(unique()))).consistentRead(true));

    assertThat(response.hasItem()).isFalse();
  }

  @Test
  void findsItemByPartitionAndSortKey(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", pk, "sk", s("1"), "v", s("one"))));
    dynamoDb.putItem(request -> request.tableName(rangeTable).item(item("pk", pk, "sk", s("2"), "v", s("two"))));

    GetItemResponse response =
        dynamoDb.getItem(request -> request.tableName(rangeTable).key(item("pk", pk, "sk", s("2"))).consistentRead(true));

    assertThat(response.item()).isEqualTo(item("pk", pk, "sk", s("2"), "v", s("two")));
  }

  // "ConsistentRead ... If set to true, then the operation uses strongly consistent reads": a read
  // right after the write sees it.
  @Test
  void stronglyConsistentReadSeesTheLatestWrite(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", pk, "v", s("old"))));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item("pk", pk, "v", s("new"))));

    assertThat(dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", pk)).consistentRead(true)).item())
        .containsEntry("v", s("new"));
  }

  static Stream<Arguments> keysThatDoNotMatchTheSchema() {
    return Stream.of(
        Arguments.of("no attribute", item()),
        Arguments.of("only another attribute", item("other", s("a"))),
        Arguments.of("an extra attribute", item("pk", s("a"), "other", s("a"))),
        Arguments.of("a number", item("pk", n("1"))),
        Arguments.of("a binary", item("pk", b("a"))),
        Arguments.of("a boolean", item("pk", bool(true))),
        Arguments.of("a null", item("pk", nul())),
        Arguments.of("a string set", item("pk", ss("a"))),
        Arguments.of("a map", item("pk", m())),
        Arguments.of("a list", item("pk", l())));
  }

  // Key: "you must provide all of the attributes ... For a composite primary key, you must provide
  // values for both the partition key and the sort key" - and no others.
  @ParameterizedTest(name = "{0}")
  @MethodSource("keysThatDoNotMatchTheSchema")
  void rejectsKeyThatDoesNotMatchTheSchema(String description, Map<String, AttributeValue> key, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(hashTable).key(key)),
        "The provided key element does not match the schema");
  }

  @Test
  void rejectsKeyWithoutTheSortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(rangeTable).key(item("pk", s("a")))),
        "The provided key element does not match the schema");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // Key attributes of type String must not be empty. dynalite's "were invalid:" wording for keys is
  // stale: the sentence is PutItem's for keys too, as observed for DeleteItem, UpdateItem and
  // BatchGetItem keys (paritysuite/dynamodb-conformance tests/tier3/error-messages, verified against
  // AWS 2026) and for GetItem (moto's test_item_add_empty_key_exception).
  @Test
  void rejectsEmptyStringKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", s("")))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an"
            + " empty string value. Key: pk");
  }

  // Key attributes are scalars: a projection may not reach into one (dynalite test/getItem.js,
  // observed on AWS).
  @ParameterizedTest
  @ValueSource(strings = {"#a.b.c", "#a[0]"})
  void rejectsANestedPathIntoAKeyAttribute(String projection, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(hashTable).key(item("pk", s("a")))
            .projectionExpression(projection).expressionAttributeNames(Map.of("#a", "pk"))),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk");
  }

  @Test
  void rejectsUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    assertTableNotFound(() -> dynamoDb.getItem(request -> request.tableName(tables.name("missing")).key(item("pk", s("a")))));
  }

  // Key is required ("Required: Yes").
  @Test
  void rejectsRequestWithoutKey(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("GetItem", "{\"TableName\":\"" + hashTable + "\"}");

    assertThat(answer.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(answer.message())
        .isEqualTo("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
  }

  // ConsistentRead is a Boolean.
  @Test
  void rejectsConsistentReadThatIsNotABoolean(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call(
        "GetItem", "{\"TableName\":\"" + hashTable + "\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConsistentRead\":23}");

    assertThat(answer.type()).isEqualTo("com.amazon.coral.service#SerializationException");
    assertThat(answer.message()).isEqualTo("NUMBER_VALUE cannot be converted to Boolean");
  }
}
