package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.QueryConformanceIntegrationTests.query;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.all;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.include;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.lsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.range;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query on secondary indexes: GSIs with ALL, KEYS_ONLY and INCLUDE projections, LSIs, their
 * LastEvaluatedKey (index keys plus table keys), projection and Select rules, sparse indexes and errors.
 */
@ConformanceTest
class QueryIndexConformanceIntegrationTests {

  private static final Map<String, AttributeValue> FIRST = item("pk", s("p"), "sk", s("1"), "gk", s("g"), "lk", n(30), "note", s("n1"), "color", s("red"));
  private static final Map<String, AttributeValue> SECOND = item("pk", s("p"), "sk", s("2"), "gk", s("g"), "lk", n(10), "note", s("n2"), "color", s("blue"));
  private static final Map<String, AttributeValue> THIRD = item("pk", s("p"), "sk", s("3"), "gk", s("h"), "lk", n(20), "note", s("n3"), "color", s("green"));
  private static final Map<String, AttributeValue> FOURTH = item("pk", s("q"), "sk", s("4"), "gk", s("g"), "lk", n(5), "note", s("n4"), "color", s("red"));
  private static final Map<String, AttributeValue> UNINDEXED = item("pk", s("p"), "sk", s("5"), "note", s("n5"));

  private static String table;

  @BeforeAll
  static void createTable(DynamoDbClient dynamoDb, Tables tables) {
    table = tables.create("queryindex", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("gk", S), attribute("lk", N))
        .keySchema(hash("pk"), range("sk"))
        .globalSecondaryIndexes(
            gsi("byGkAll", all(), hash("gk"), range("sk")),
            gsi("byGkKeys", keysOnly(), hash("gk")),
            gsi("byGkInclude", include("note"), hash("gk"), range("sk")))
        .localSecondaryIndexes(
            lsi("byLkKeys", keysOnly(), hash("pk"), range("lk")),
            lsi("byLkAll", all(), hash("pk"), range("lk"))));
    Waits.forTableChange().untilAsserted(() -> assertThat(dynamoDb.describeTable(request -> request.tableName(table)).table()
        .globalSecondaryIndexes()).allSatisfy(index -> assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE")));
    for (Map<String, AttributeValue> item : List.of(THIRD, UNINDEXED, FIRST, FOURTH, SECOND)) {
      dynamoDb.putItem(request -> request.tableName(table).item(item));
    }
    // GSIs are eventually consistent: wait once until every index shows every item.
    for (String index : List.of("byGkAll", "byGkKeys", "byGkInclude")) {
      Waits.forConsistency().untilAsserted(() -> assertThat(onGk(dynamoDb, index, request -> {}).count()).isEqualTo(3));
    }
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reading
  // Items come in the order of the index sort key; an ALL index holds every attribute.
  @Test
  void returnsWholeItemsOfAnAllGlobalIndexInIndexSortKeyOrder(DynamoDbClient dynamoDb) {
    assertThat(onGk(dynamoDb, "byGkAll", request -> {}).items()).containsExactly(FIRST, SECOND, FOURTH);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reading
  @Test
  void readsAGlobalIndexBackwards(DynamoDbClient dynamoDb) {
    assertThat(onGk(dynamoDb, "byGkAll", request -> request.scanIndexForward(false)).items()).containsExactly(FOURTH, SECOND, FIRST);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // LastEvaluatedKey of an index query holds the index's key attributes and the table's primary key.
  @Test
  void returnsIndexAndTableKeysAsLastEvaluatedKeyOfAGlobalIndex(DynamoDbClient dynamoDb) {
    QueryResponse answer = onGk(dynamoDb, "byGkAll", request -> request.limit(1));

    assertThat(answer.items()).containsExactly(FIRST);
    assertThat(answer.lastEvaluatedKey()).isEqualTo(item("gk", s("g"), "sk", s("1"), "pk", s("p")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  @Test
  void returnsIndexAndTableKeysAsLastEvaluatedKeyOfAGlobalIndexWithoutSortKey(DynamoDbClient dynamoDb) {
    QueryResponse answer = onGk(dynamoDb, "byGkKeys", request -> request.limit(1));

    assertThat(answer.lastEvaluatedKey()).containsOnlyKeys("gk", "pk", "sk");
    assertThat(answer.lastEvaluatedKey().get("gk")).isEqualTo(s("g"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
  @Test
  void pagesThroughAGlobalIndexWithItsLastEvaluatedKey(DynamoDbClient dynamoDb) {
    QueryResponse first = onGk(dynamoDb, "byGkAll", request -> request.limit(2));
    QueryResponse second = onGk(dynamoDb, "byGkAll", request -> request.limit(2).exclusiveStartKey(first.lastEvaluatedKey()));

    assertThat(first.items()).containsExactly(FIRST, SECOND);
    assertThat(second.items()).containsExactly(FOURTH);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  // "KEYS_ONLY - Only the index and primary keys are projected into the index."
  @Test
  void returnsOnlyKeysFromAKeysOnlyGlobalIndex(DynamoDbClient dynamoDb) {
    assertThat(onGk(dynamoDb, "byGkKeys", request -> {}).items())
        .containsExactlyInAnyOrder(keys(FIRST, "pk", "sk", "gk"), keys(SECOND, "pk", "sk", "gk"), keys(FOURTH, "pk", "sk", "gk"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  // "INCLUDE - In addition to the attributes described in KEYS_ONLY, the secondary index will include
  // other non-key attributes that you specify."
  @Test
  void returnsKeysAndIncludedAttributesFromAnIncludeGlobalIndex(DynamoDbClient dynamoDb) {
    assertThat(onGk(dynamoDb, "byGkInclude", request -> {}).items()).containsExactly(
        keys(FIRST, "pk", "sk", "gk", "note"), keys(SECOND, "pk", "sk", "gk", "note"), keys(FOURTH, "pk", "sk", "gk", "note"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // "ALL_PROJECTED_ATTRIBUTES - Retrieves all attributes that have been projected into the index."
  @Test
  void returnsTheProjectedAttributesWhenAskedForThem(DynamoDbClient dynamoDb) {
    assertThat(onGk(dynamoDb, "byGkKeys", request -> request.select(Select.ALL_PROJECTED_ATTRIBUTES)).items())
        .allSatisfy(item -> assertThat(item).containsOnlyKeys("pk", "sk", "gk"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Projections
  // A query of a global secondary index can only request attributes projected into the index, and
  // is refused otherwise: "Global secondary index queries cannot fetch attributes from the parent
  // table" (API_Query.html, Select). Text as DynamoDB Local, AWS's own emulator, words it
  // (PaginatingFunction.validateAttributesToGetAndProjExpr), the only record there is of it.
  @Test
  void rejectsAProjectionOfAnAttributeTheGlobalIndexDoesNotHold(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> onGk(dynamoDb, "byGkInclude", request -> request.projectionExpression("note, color")),
        "One or more parameter values were invalid: Global secondary index byGkInclude does not project [color]");
  }

  // The same Select rules as on the table; ALL_PROJECTED_ATTRIBUTES is what an index query allows.
  @Test
  void rejectsAProjectionWithAllProjectedAttributes(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> onGk(dynamoDb, "byGkInclude", request -> request.select(Select.ALL_PROJECTED_ATTRIBUTES).projectionExpression("note")),
        "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES");
  }

  // Nor reach into another index's key through a nested path (dynalite test/query.js).
  @Test
  void rejectsAFilterReachingIntoAnIndexKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> onGk(dynamoDb, "byGkAll", request -> request.filterExpression("lk.x = :s")
            .expressionAttributeValues(Map.of(":g", s("g"), ":s", s("1")))),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: lk");
  }

  // A filter may not name the key of the index queried (dynalite test/query.js).
  @Test
  void rejectsAFilterOnTheIndexKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> onGk(dynamoDb, "byGkAll", request -> request.filterExpression("sk = :s")
            .expressionAttributeValues(Map.of(":g", s("g"), ":s", s("1")))),
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // ALL_ATTRIBUTES from a global secondary index needs an index that projects all attributes: global
  // secondary index queries cannot fetch attributes from the table. Observed text: dynalite test/query.js.
  @Test
  void rejectsAllAttributesFromAGlobalIndexThatDoesNotProjectAll(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> onGk(dynamoDb, "byGkKeys", request -> request.select(Select.ALL_ATTRIBUTES)),
        "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary "
            + "index byGkKeys because its projection type is not ALL");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // ConsistentRead: "Strongly consistent reads are not supported on global secondary indexes. If you query a
  // global secondary index with ConsistentRead set to true, you will receive a ValidationException."
  @Test
  void rejectsAConsistentReadOfAGlobalIndex(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> onGk(dynamoDb, "byGkAll", request -> request.consistentRead(true)),
        "Consistent reads are not supported on global secondary indexes");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reading
  // The key condition names the index's keys, not the table's.
  @Test
  void rejectsAConditionOnTheTableKeyWhenQueryingAGlobalIndex(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")), request -> request.indexName("byGkAll")),
        "Query condition missed key schema element: gk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (IndexName)
  // Observed text: dynalite test/query.js.
  @Test
  void rejectsAnUnknownIndex(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")), request -> request.indexName("nope")),
        "The table does not have the specified index: nope");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.Querying
  // Items are returned in the order of the index sort key; an item without it is not in the index.
  @Test
  void returnsAPartitionOfALocalIndexInIndexSortKeyOrderLeavingOutItemsWithoutTheKey(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")), request -> request.indexName("byLkAll"));

    assertThat(answer.items()).containsExactly(SECOND, THIRD, FIRST);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.Querying
  @Test
  void selectsByTheLocalIndexSortKey(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, table, "pk = :p AND lk > :l", Map.of(":p", s("p"), ":l", n(15)),
        request -> request.indexName("byLkAll").scanIndexForward(false));

    assertThat(answer.items()).containsExactly(FIRST, THIRD);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.Projections
  // By default an index query returns the projected attributes only.
  @Test
  void returnsOnlyKeysFromAKeysOnlyLocalIndexByDefault(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")), request -> request.indexName("byLkKeys"));

    assertThat(answer.items()).containsExactly(keys(SECOND, "pk", "sk", "lk"), keys(THIRD, "pk", "sk", "lk"), keys(FIRST, "pk", "sk", "lk"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (Select)
  // "If any of the requested attributes are not projected into the local secondary index, DynamoDB fetches
  // each of these attributes from the parent table."
  @Test
  void fetchesUnprojectedAttributesOfALocalIndexFromTheTable(DynamoDbClient dynamoDb) {
    QueryResponse whole = query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")),
        request -> request.indexName("byLkKeys").select(Select.ALL_ATTRIBUTES));
    QueryResponse projected = query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")),
        request -> request.indexName("byLkKeys").projectionExpression("color"));

    assertThat(whole.items()).containsExactly(SECOND, THIRD, FIRST);
    assertThat(projected.items()).containsExactly(item("color", s("blue")), item("color", s("green")), item("color", s("red")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  // LastEvaluatedKey of a local index query: the table's keys and the index sort key.
  @Test
  void returnsIndexAndTableKeysAsLastEvaluatedKeyOfALocalIndex(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, table, "pk = :p", Map.of(":p", s("p")), request -> request.indexName("byLkAll").limit(1));

    assertThat(answer.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", s("2"), "lk", n(10)));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html
  // Local secondary indexes support strongly consistent reads.
  @Test
  void readsALocalIndexConsistently(DynamoDbClient dynamoDb) {
    QueryResponse answer = query(dynamoDb, table, "pk = :p", Map.of(":p", s("q")),
        request -> request.indexName("byLkAll").consistentRead(true));

    assertThat(answer.items()).containsExactly(FOURTH);
  }

  private static QueryResponse onGk(DynamoDbClient dynamoDb, String index,
      Consumer<QueryRequest.Builder> more) {
    return query(dynamoDb, table, "gk = :g", Map.of(":g", s("g")), request -> {
      request.indexName(index);
      more.accept(request);
    });
  }

  private static Map<String, AttributeValue> keys(Map<String, AttributeValue> item, String... names) {
    Map<String, AttributeValue> kept = new LinkedHashMap<>();
    for (String name : names) {
      kept.put(name, item.get(name));
    }
    return kept;
  }
}
