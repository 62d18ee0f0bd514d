package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.b;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bool;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.letters;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.range;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.B;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query on a table's primary key: every key condition on string, number and binary sort keys, order,
 * Limit, paging, FilterExpression with Count/ScannedCount, Select, the 1 MB page, and the errors.
 * Queries on secondary indexes are in {@link QueryIndexConformanceIntegrationTests}.
 */
@ConformanceTest
class QueryConformanceIntegrationTests {

  private static final List<String> STRING_KEYS = List.of("a", "ab", "abc", "b", "ba", "c");

  private static String strings;
  private static String numbers;
  private static String binaries;
  private static String big;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    strings = tables.create("query-strings", true);
    // Written out of order, so that the order of an answer cannot come from the order of writing.
    List<String> shuffled = List.of("ba", "a", "c", "abc", "b", "ab");
    for (String sk : shuffled) {
      dynamoDb.putItem(request -> request.tableName(strings)
          .item(item("pk", s("p"), "sk", s(sk), "n", n(STRING_KEYS.indexOf(sk) + 1), "note", s("note " + sk))));
    }
    dynamoDb.putItem(request -> request.tableName(strings).item(item("pk", s("q"), "sk", s("a"), "n", n(0))));

    numbers = tables.create("query-numbers", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("sk", N))
        .keySchema(hash("pk"), range("sk")));
    for (String sk : List.of("10", "-2.5", "100", "0", "2", "-10", "1")) {
      dynamoDb.putItem(request -> request.tableName(numbers).item(item("pk", s("p"), "sk", n(sk))));
    }

    binaries = tables.create("query-binaries", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("sk", B))
        .keySchema(hash("pk"), range("sk")));
    for (AttributeValue sk : List.of(b(0x80), b(0x01), b(0xff), b(0x00), b(0x01, 0x00), b(0x7f))) {
      dynamoDb.putItem(request -> request.tableName(binaries).item(item("pk", s("p"), "sk", sk)));
    }

    big = tables.create("query-big", true);
    String filler = letters(100_000);
    for (int i = 0; i < 12; i++) {
      String sk = String.format("%02d", i);
      dynamoDb.putItem(request -> request.tableName(big).item(item("pk", s("big"), "sk", s(sk), "filler", s(filler))));
    }
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // Query results are sorted by the sort key; strings compare by their UTF-8 bytes.
  @Test
  void returnsTheWholePartitionInSortKeyOrder(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> {});

    assertThat(sortKeys(answer)).containsExactlyElementsOf(STRING_KEYS);
    assertThat(answer.count()).isEqualTo(6);
    assertThat(answer.scannedCount()).isEqualTo(6);
    assertThat(answer.hasLastEvaluatedKey()).isFalse();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // Sort key conditions: a = b, a < b, a <= b, a > b, a >= b, a BETWEEN b AND c, begins_with (a, substr).
  @ParameterizedTest(name = "{0} with {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "sk = :lo                 | b  |   | b",
      "sk < :lo                 | b  |   | a ab abc",
      "sk <= :lo                | b  |   | a ab abc b",
      "sk > :lo                 | b  |   | ba c",
      "sk >= :lo                | b  |   | b ba c",
      "sk BETWEEN :lo AND :hi   | ab | b | ab abc b",
      "begins_with(sk, :lo)     | ab |   | ab abc",
      "sk < :lo                 | a  |   | ''",
      "sk BETWEEN :lo AND :hi   | b  | b | b"})
  void selectsStringSortKeysByCondition(String condition, String low, String high, String expected, DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":p", s("p"), ":lo", s(low)));
    if (high != null) {
      values.put(":hi", s(high));
    }

    QueryResponse answer = query(dynamoDb, strings, "pk = :p AND " + condition, values, request -> {});

    assertThat(sortKeys(answer)).containsExactlyElementsOf(words(expected));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // "If the data type of the sort key is Number, the results are returned in numeric order."
  @Test
  void ordersNumberSortKeysNumerically(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, numbers, "pk = :p", Map.of(":p", s("p")), request -> {});

    assertThat(answer.items()).extracting(item -> item.get("sk").n()).containsExactly("-10", "-2.5", "0", "1", "2", "10", "100");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  @ParameterizedTest(name = "{0} with {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "sk > :lo               | 1.5 |   | 2 10 100",
      "sk BETWEEN :lo AND :hi | -3  | 1 | -2.5 0 1",
      "sk < :lo               | 0   |   | -10 -2.5",
      "sk = :lo               | 1E1 |   | 10"})
  void selectsNumberSortKeysByNumericValue(String condition, String low, String high, String expected, DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":p", s("p"), ":lo", n(low)));
    if (high != null) {
      values.put(":hi", n(high));
    }

    QueryResponse answer = query(dynamoDb, numbers, "pk = :p AND " + condition, values, request -> {});

    assertThat(answer.items()).extracting(item -> item.get("sk").n()).containsExactlyElementsOf(words(expected));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Binary
  // "DynamoDB treats each byte of the binary data as unsigned" when it compares binary values.
  @Test
  void ordersBinarySortKeysAsUnsignedBytes(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, binaries, "pk = :p", Map.of(":p", s("p")), request -> {});

    assertThat(hexSortKeys(answer)).containsExactly("00", "01", "0100", "7f", "80", "ff");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // begins_with and comparisons apply to Binary sort keys too, byte by byte, unsigned.
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "begins_with(sk, :v) | 01 | 01 0100",
      "sk > :v             | 7f | 80 ff",
      "sk < :v             | 01 | 00",
      "sk >= :v            | 80 | 80 ff"})
  void selectsBinarySortKeysByUnsignedComparison(String condition, String hex, String expected, DynamoDbClient dynamoDb) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    int[] unsigned = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      unsigned[i] = bytes[i] & 0xff;
    }

    QueryResponse answer = query(dynamoDb, binaries, "pk = :p AND " + condition, Map.of(":p", s("p"), ":v", b(unsigned)), request -> {});

    assertThat(hexSortKeys(answer)).containsExactlyElementsOf(words(expected));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // ScanIndexForward: "If ScanIndexForward is false, DynamoDB reads the results in reverse order by sort key value".
  @Test
  void readsInReverseOrderWhenScanIndexForwardIsFalse(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.scanIndexForward(false));

    assertThat(sortKeys(answer)).containsExactly("c", "ba", "b", "abc", "ab", "a");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
  // A LastEvaluatedKey in the response means there is more to read: pass it as ExclusiveStartKey.
  @Test
  void stopsAtLimitWithTheLastKeyEvaluated(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.limit(2));

    assertThat(sortKeys(answer)).containsExactly("a", "ab");
    assertThat(answer.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("ab")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // Limit: "Valid Range: Minimum value of 1" and no maximum: the largest Integer reads the whole partition.
  @Test
  void readsThePartitionUnderTheLargestLimit(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.limit(Integer.MAX_VALUE));

    assertThat(sortKeys(answer)).containsExactlyElementsOf(STRING_KEYS);
    assertThat(answer.hasLastEvaluatedKey()).isFalse();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
  @Test
  void continuesAfterTheExclusiveStartKey(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")),
        request -> request.limit(2).exclusiveStartKey(item("pk", s("p"), "sk", s("ab"))));

    assertThat(sortKeys(answer)).containsExactly("abc", "b");
    assertThat(answer.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("b")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
  @Test
  void pagesBackwardsWhenScanIndexForwardIsFalse(DynamoDbClient dynamoDb) {
    QueryResponse first = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.scanIndexForward(false).limit(2));
    QueryResponse second = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")),
        request -> request.scanIndexForward(false).limit(2).exclusiveStartKey(first.lastEvaluatedKey()));

    assertThat(sortKeys(first)).containsExactly("c", "ba");
    assertThat(sortKeys(second)).containsExactly("b", "abc");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
  // The last page of results comes without LastEvaluatedKey.
  @Test
  void pagesThroughAPartitionWithoutLosingOrRepeatingItems(DynamoDbClient dynamoDb) {
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")),
          request -> request.limit(4).exclusiveStartKey(from));
      seen.addAll(sortKeys(page));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null && pages < 10);

    assertThat(seen).containsExactlyElementsOf(STRING_KEYS);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html#Query.Limit
  // "DynamoDB reads up to six items, and then returns only those that match the filter expression." (Limit 6)
  @Test
  void countsTheLimitBeforeTheFilter(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p"), ":two", n(2)),
        request -> request.limit(3).filterExpression("n > :two"));

    assertThat(sortKeys(answer)).containsExactly("abc");
    assertThat(answer.count()).isEqualTo(1);
    assertThat(answer.scannedCount()).isEqualTo(3);
    assertThat(answer.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("abc")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html#Query.Count
  // "ScannedCount — The number of items that matched the key condition expression before a filter
  // expression (if present) was applied. Count — The number of items that remain after a filter expression".
  @Test
  void reportsCountAfterAndScannedCountBeforeTheFilter(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p"), ":four", n(4)),
        request -> request.filterExpression("n > :four"));

    assertThat(sortKeys(answer)).containsExactly("ba", "c");
    assertThat(answer.count()).isEqualTo(2);
    assertThat(answer.scannedCount()).isEqualTo(6);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html
  // "A filter expression cannot contain partition key or sort key attributes."
  @ParameterizedTest
  @ValueSource(strings = {"pk", "sk"})
  void rejectsAFilterOnAKeyAttribute(String key, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p"), ":v", s("a")), request -> request.filterExpression(key + " = :v")),
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + key);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // Select COUNT: "Returns the number of matching items, rather than the matching items themselves."
  // Observed answer: dynalite test/query.js (no Items member at all).
  @Test
  void answersACountWithoutItems(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("Query", "{\"TableName\":\"" + strings + "\",\"Select\":\"COUNT\","
        + "\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"}}}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().has("Items")).as("Items in %s", answer.body()).isFalse();
    assertThat(answer.body().path("Count").asInt()).isEqualTo(6);
    assertThat(answer.body().path("ScannedCount").asInt()).isEqualTo(6);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html#Query.Count
  // Observed: dynalite test/query.js ("should return LastEvaluatedKey even if only Count is selected").
  @Test
  void returnsTheLastEvaluatedKeyOfACountStoppedByLimit(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.select(Select.COUNT).limit(2));

    assertThat(answer.count()).isEqualTo(2);
    assertThat(answer.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("ab")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (ProjectionExpression)
  @Test
  void returnsOnlyTheProjectedAttributes(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p AND sk = :s", Map.of(":p", s("p"), ":s", s("b")),
        request -> request.projectionExpression("note, n"));

    assertThat(answer.items()).containsExactly(item("note", s("note b"), "n", n(4)));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // "If you use the ProjectionExpression parameter, then the value for Select can only be SPECIFIC_ATTRIBUTES."
  @Test
  void returnsSpecificAttributesWithAProjection(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, strings, "pk = :p AND sk = :s", Map.of(":p", s("p"), ":s", s("b")),
        request -> request.select(Select.SPECIFIC_ATTRIBUTES).projectionExpression("sk"));

    assertThat(answer.items()).containsExactly(item("sk", s("b")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // "Any other value for Select will return an error" (with a ProjectionExpression). Observed text: the
  // Scan counterparts in the dynamodb-conformance suites (AWS 2026); DynamoDB Local words Query alike.
  @ParameterizedTest
  @CsvSource({
      "COUNT, Cannot specify the ProjectionExpression when choosing to get only the Count",
      "ALL_ATTRIBUTES, Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES",
      "ALL_PROJECTED_ATTRIBUTES, Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES"})
  void rejectsAProjectionWithAnotherSelect(String select, String message, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.select(select).projectionExpression("note")),
        message);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // SPECIFIC_ATTRIBUTES returns the attributes listed in ProjectionExpression, which must then be given
  // (nubo-db/dynamodb-conformance tests/tier1/query/select.test.ts, verified against AWS 2026; the text
  // as paritysuite/dynamodb-conformance registry/splits.json scan-specific-attributes-message records
  // the classic answer).
  @Test
  void rejectsSpecificAttributesWithoutAProjection(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.select(Select.SPECIFIC_ATTRIBUTES)),
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // "ALL_PROJECTED_ATTRIBUTES - Allowed only when querying an index." (text as DynamoDB Local has it)
  @Test
  void rejectsAllProjectedAttributesOnTheTable(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.select(Select.ALL_PROJECTED_ATTRIBUTES)),
        "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (AttributesToGet with COUNT)
  @Test
  void rejectsACountWithAttributesToGet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.query(request -> request.tableName(strings).select(Select.COUNT).attributesToGet("note")
            .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build()))),
        "Cannot specify the AttributesToGet when choosing to get only the Count");
  }

  // The legacy filter may not name a key attribute either (dynalite test/query.js).
  @Test
  void rejectsAQueryFilterOnAKeyAttribute(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.query(request -> request.tableName(strings)
            .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build()))
            .queryFilter(Map.of("sk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a")).build()))),
        "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
  // "A single Query only returns a result set that fits within the 1 MB size limit."
  @Test
  void stopsAPageAtOneMegabyte(DynamoDbClient dynamoDb) {
    QueryResponse first = query(dynamoDb, big, "pk = :p", Map.of(":p", s("big")), request -> {});

    assertThat(first.count()).isBetween(1, 11);
    assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "sk");

    int total = first.count();
    Map<String, AttributeValue> start = first.lastEvaluatedKey();
    while (start != null && !start.isEmpty()) {
      Map<String, AttributeValue> from = start;
      QueryResponse page = query(dynamoDb, big, "pk = :p", Map.of(":p", s("big")), request -> request.exclusiveStartKey(from));
      total += page.count();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    }
    assertThat(total).isEqualTo(12);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // "You must specify the partition key name and value as an equality condition."
  @Test
  void rejectsAConditionWithoutThePartitionKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "note = :v", Map.of(":v", s("x")), request -> {}),
        "Query condition missed key schema element: pk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // Only key attributes may appear in a key condition.
  @Test
  void rejectsAConditionOnANonKeyAttribute(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND note = :v", Map.of(":p", s("p"), ":v", s("x")), request -> {}),
        "Query condition missed key schema element: sk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  @ParameterizedTest
  @ValueSource(strings = {"pk > :p", "pk <= :p", "begins_with(pk, :p)", "pk BETWEEN :p AND :p"})
  void rejectsAPartitionKeyConditionOtherThanEquality(String condition, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, condition, Map.of(":p", s("p")), request -> {}),
        "Query key condition not supported");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // Observed texts: dynalite test/query.js.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pk = :p OR sk = :s          | OR",
      "pk = :p AND sk <> :s        | <>",
      "pk = :p AND attribute_exists(sk) | attribute_exists",
      "pk = :p AND NOT sk = :s     | NOT",
      "pk = :p AND sk IN (:s)      | IN"})
  void rejectsOperatorsAKeyConditionCannotUse(String expression, String operator, DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":p", s("p")));
    if (expression.contains(":s")) {
      values.put(":s", s("a"));
    }
    assertValidation(
        () -> query(dynamoDb, strings, expression, values, request -> {}),
        "Invalid operator used in KeyConditionExpression: " + operator);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // "You can optionally provide a second condition for the sort key" - one only, and no more conditions
  // than the key has attributes. Observed texts: paritysuite/dynamodb-conformance
  // tests/tier3/error-messages/queryKeyConditionOperands.test.ts (AWS 2026).
  @Test
  void rejectsTwoConditionsOnTheSortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND sk > :a AND sk < :b", Map.of(":p", s("p"), ":a", s("a"), ":b", s("c")), request -> {}),
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
  }

  @Test
  void rejectsMoreConditionsThanTheKeyHasAttributes(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND sk > :a AND note = :b", Map.of(":p", s("p"), ":a", s("a"), ":b", s("c")), request -> {}),
        "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
  }

  // An operand no key can be ordered by (same source).
  @Test
  void rejectsBetweenBoundsThatCannotBeOrdered(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND sk BETWEEN :a AND :b", Map.of(":p", s("p"), ":a", bool(false), ":b", bool(true)),
            request -> {}),
        "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  @Test
  void rejectsAKeyValueOfTheWrongType(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", n(1)), request -> {}),
        "One or more parameter values were invalid: Condition parameter type does not match schema type");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
  // a BETWEEN b AND c: a >= b and a <= c, so b may not exceed c.
  @Test
  void rejectsABetweenWhoseBoundsAreReversed(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND sk BETWEEN :hi AND :lo", Map.of(":p", s("p"), ":hi", s("b"), ":lo", s("a")), request -> {}),
        "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
            + "lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // ExclusiveStartKey must lie within the queried partition. Observed text: dynalite test/query.js.
  @Test
  void rejectsAnExclusiveStartKeyOutsideThePartition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.exclusiveStartKey(item("pk", s("q"), "sk", s("a")))),
        "The provided starting key is outside query boundaries based on provided conditions");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // An ExclusiveStartKey whose sort key the sort key condition excludes (observed text: dynalite test/query.js).
  @Test
  void rejectsAnExclusiveStartKeyWhoseSortKeyMissesTheCondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND sk > :b", Map.of(":p", s("p"), ":b", s("b")),
            request -> request.exclusiveStartKey(item("pk", s("p"), "sk", s("a")))),
        "The provided starting key does not match the range key predicate");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // With a sort key condition, a start key of another partition (observed text: dynalite test/query.js).
  @Test
  void rejectsRestartingAQueryInAnotherPartition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p AND sk < :b", Map.of(":p", s("p"), ":b", s("b")),
            request -> request.exclusiveStartKey(item("pk", s("q"), "sk", s("a")))),
        "The query can return at most one row and cannot be restarted");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // A query needs a key condition (observed text: dynalite test/query.js).
  @Test
  void rejectsAQueryWithoutKeyCondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.query(request -> request.tableName(strings)),
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (Limit: "Minimum value of 1.")
  // Every region names the member without echoing it (nubo-db/dynamodb-conformance
  // tests/tier3/error-messages/query.test.ts, verified against AWS 2026), unlike Scan's Limit.
  @Test
  void rejectsALimitOfZero(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, strings, "pk = :p", Map.of(":p", s("p")), request -> request.limit(0)),
        "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (ResourceNotFoundException)
  // Observed text: dynalite test/query.js.
  @Test
  void rejectsAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("query-missing");
    assertNotFound(
        () -> query(dynamoDb, missing, "pk = :p", Map.of(":p", s("p")), request -> {}),
        "Requested resource not found");
  }

  static QueryResponse query(DynamoDbClient dynamoDb, String table, String keyCondition,
      Map<String, AttributeValue> values, Consumer<QueryRequest.Builder> more) {
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression(keyCondition)
        .expressionAttributeValues(values);
    more.accept(request);
    return dynamoDb.query(request.build());
  }

  private static List<String> sortKeys(QueryResponse answer) {
    return answer.items().stream().map(item -> item.get("sk").s()).toList();
  }

  private static List<String> hexSortKeys(QueryResponse answer) {
    return answer.items().stream().map(item -> HexFormat.of().formatHex(item.get("sk").b().asByteArray())).toList();
  }

  private static List<String> words(String spaced) {
    return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.trim().split("\\s+"));
  }
}
