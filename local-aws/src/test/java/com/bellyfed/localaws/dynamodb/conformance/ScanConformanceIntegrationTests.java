package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.letters;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.all;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Scan: whole tables and indexes, paging, Limit, FilterExpression, Select COUNT, parallel segments, the 1 MB page and errors. */
@ConformanceTest
class ScanConformanceIntegrationTests {

  private static final int ITEMS = 30;

  private static String table;
  private static String big;
  private static Set<String> allKeys;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    table = tables.create("scan", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("gk", S))
        .keySchema(hash("pk"))
        .globalSecondaryIndexes(gsi("byGkAll", all(), hash("gk")), gsi("byGkKeys", keysOnly(), hash("gk"))));
    Waits.forTableChange().untilAsserted(() -> assertThat(dynamoDb.describeTable(request -> request.tableName(table)).table()
        .globalSecondaryIndexes()).allSatisfy(index -> assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE")));
    allKeys = new HashSet<>();
    List<WriteRequest> puts = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      String pk = String.format("item%02d", i);
      allKeys.add(pk);
      Map<String, AttributeValue> item = i % 3 == 0
          ? item("pk", s(pk), "n", n(i), "gk", s("g" + (i % 2)), "note", s("indexed"))
          : item("pk", s(pk), "n", n(i));
      puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (puts.size() == 25 || i == ITEMS - 1) {
        List<WriteRequest> batch = List.copyOf(puts);
        dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, batch)));
        puts.clear();
      }
    }
    Waits.forConsistency().untilAsserted(() -> assertThat(scan(dynamoDb, request -> request.indexName("byGkAll")).count()).isEqualTo(10));

    big = tables.create("scan-big", false);
    String filler = letters(100_000);
    for (int i = 0; i < 12; i++) {
      String pk = "big" + i;
      dynamoDb.putItem(request -> request.tableName(big).item(item("pk", s(pk), "filler", s(filler))));
    }
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // "The Scan operation returns one or more items and item attributes by accessing every item in a table".
  @Test
  void returnsEveryItem(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> {});

    assertThat(keys(answer)).containsExactlyInAnyOrderElementsOf(allKeys);
    assertThat(answer.count()).isEqualTo(ITEMS);
    assertThat(answer.scannedCount()).isEqualTo(ITEMS);
    assertThat(answer.hasLastEvaluatedKey()).isFalse();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Pagination
  @Test
  void pagesWithLimitWithoutLosingOrRepeatingItems(DynamoDbClient dynamoDb) {
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = scan(dynamoDb, request -> request.limit(7).exclusiveStartKey(from));
      assertThat(page.count()).isLessThanOrEqualTo(7);
      seen.addAll(keys(page));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null && pages < 20);

    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allKeys);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Pagination
  // LastEvaluatedKey holds the primary key of the last item evaluated.
  @Test
  void returnsThePrimaryKeyAsLastEvaluatedKey(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.limit(3));

    assertThat(answer.count()).isEqualTo(3);
    assertThat(answer.lastEvaluatedKey()).containsOnlyKeys("pk");
    assertThat(answer.lastEvaluatedKey().get("pk")).isEqualTo(answer.items().get(2).get("pk"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Limit
  // With a FilterExpression, DynamoDB reads Limit items and returns those that match.
  @Test
  void countsTheLimitBeforeTheFilter(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request
        .limit(5)
        .filterExpression("n < :zero")
        .expressionAttributeValues(Map.of(":zero", n(0))));

    assertThat(answer.count()).isZero();
    assertThat(answer.scannedCount()).isEqualTo(5);
    assertThat(answer.lastEvaluatedKey()).containsOnlyKeys("pk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.FilterExpression
  // ScannedCount counts the items evaluated before the filter, Count those returned after it.
  @Test
  void reportsCountAfterAndScannedCountBeforeTheFilter(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request
        .filterExpression("n >= :twenty")
        .expressionAttributeValues(Map.of(":twenty", n(20))));

    assertThat(answer.count()).isEqualTo(10);
    assertThat(answer.scannedCount()).isEqualTo(ITEMS);
    assertThat(answer.items()).allSatisfy(item -> assertThat(Integer.parseInt(item.get("n").n())).isGreaterThanOrEqualTo(20));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.FilterExpression
  // Unlike a query's, a scan's filter may name key attributes.
  @Test
  void filtersOnTheKeyAttribute(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request
        .filterExpression("pk = :k")
        .expressionAttributeValues(Map.of(":k", s("item07"))));

    assertThat(keys(answer)).containsExactly("item07");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // Select COUNT: "Returns the number of matching items, rather than the matching items themselves."
  @Test
  void answersACountWithoutItems(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("Scan", "{\"TableName\":\"" + table + "\",\"Select\":\"COUNT\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().has("Items")).as("Items in %s", answer.body()).isFalse();
    assertThat(answer.body().path("Count").asInt()).isEqualTo(ITEMS);
    assertThat(answer.body().path("ScannedCount").asInt()).isEqualTo(ITEMS);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Count
  // Observed: dynalite test/scan.js ("should return LastEvaluatedKey even if selecting Count").
  @Test
  void returnsTheLastEvaluatedKeyOfACountStoppedByLimit(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.select(Select.COUNT).limit(4));

    assertThat(answer.count()).isEqualTo(4);
    assertThat(answer.scannedCount()).isEqualTo(4);
    assertThat(answer.lastEvaluatedKey()).containsOnlyKeys("pk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html (ProjectionExpression)
  @Test
  void returnsOnlyTheProjectedAttributes(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.projectionExpression("n"));

    assertThat(answer.items()).hasSize(ITEMS).allSatisfy(item -> assertThat(item).containsOnlyKeys("n"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan
  // Each of TotalSegments segments (numbered from 0) is scanned separately; together they cover the
  // table, and no item appears in two segments.
  @Test
  void splitsTheTableIntoDisjointSegmentsThatCoverIt(DynamoDbClient dynamoDb) {
    List<String> seen = new ArrayList<>();
    for (int segment = 0; segment < 3; segment++) {
      int current = segment;
      seen.addAll(keys(scan(dynamoDb, request -> request.segment(current).totalSegments(3))));
    }

    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allKeys);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan
  // A segment pages like a table, with the LastEvaluatedKey of that segment.
  @Test
  void pagesWithinASegment(DynamoDbClient dynamoDb) {
    List<String> whole = keys(scan(dynamoDb, request -> request.segment(1).totalSegments(2)));
    List<String> paged = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = scan(dynamoDb, request -> request.segment(1).totalSegments(2).limit(4).exclusiveStartKey(from));
      paged.addAll(keys(page));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null && pages < 20);

    assertThat(paged).containsExactlyInAnyOrderElementsOf(whole);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // TotalSegments: "If you specify a TotalSegments value of 1, the Scan operation will be sequential rather than parallel."
  @Test
  void scansEverythingInASingleSegment(DynamoDbClient dynamoDb) {
    assertThat(keys(scan(dynamoDb, request -> request.segment(0).totalSegments(1)))).containsExactlyInAnyOrderElementsOf(allKeys);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // Limit: "Valid Range: Minimum value of 1" and no maximum, so the largest Integer reads the whole table.
  @Test
  void readsEverythingUnderTheLargestLimit(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.limit(Integer.MAX_VALUE));

    assertThat(keys(answer)).containsExactlyInAnyOrderElementsOf(allKeys);
    assertThat(answer.hasLastEvaluatedKey()).isFalse();
  }

  // Same page: Segment up to 999999, TotalSegments up to 1000000; the segments still cover the table
  // between them, so the last of a million holds a share of it (possibly none) and answers normally.
  @Test
  void answersTheLastOfAMillionSegments(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.segment(999_999).totalSegments(1_000_000));

    assertThat(allKeys).containsAll(keys(answer));
    assertThat(answer.count()).isLessThanOrEqualTo(ITEMS);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // "If you provide Segment, you must also provide TotalSegments." Observed texts: dynalite test/scan.js.
  @Test
  void rejectsASegmentWithoutTotalSegments(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.segment(1)),
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // "If you specify TotalSegments, you must also specify Segment."
  @Test
  void rejectsTotalSegmentsWithoutASegment(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.totalSegments(2)),
        "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // Segment: "The value for Segment must be greater than or equal to 0, and less than the value provided for TotalSegments."
  @Test
  void rejectsASegmentNotBelowTotalSegments(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.segment(2).totalSegments(2)),
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less "
            + "than TotalSegments: 2");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // Segment: "Valid Range: Minimum value of 0. Maximum value of 999999."
  // TotalSegments: "Valid Range: Minimum value of 1. Maximum value of 1000000."
  @ParameterizedTest(name = "Segment {0} of {1}")
  @CsvSource(delimiter = '|', value = {
      "-1 | 2       | Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0",
      "0  | 0       | Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1",
      "0  | 1000001 | Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000"})
  void rejectsSegmentsOutOfRange(int segment, int totalSegments, String violation, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.segment(segment).totalSegments(totalSegments)),
        "1 validation error detected: " + violation);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan
  // An ExclusiveStartKey belongs to its segment. Observed text: dynalite test/scan.js (no newer record).
  @Test
  void rejectsAnExclusiveStartKeyFromAnotherSegment(DynamoDbClient dynamoDb) {
    ScanResponse second = scan(dynamoDb, request -> request.segment(1).totalSegments(2));
    assertThat(second.count()).as("items in segment 1 of 2").isPositive();
    Map<String, AttributeValue> foreign = item("pk", second.items().get(0).get("pk"));

    assertValidation(
        () -> scan(dynamoDb, request -> request.segment(0).totalSegments(2).exclusiveStartKey(foreign)),
        "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct "
            + "Segment. TotalSegments: 2 Segment: 0");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Pagination
  // "A single Scan only returns a result set that fits within the 1 MB size limit."
  @Test
  void stopsAPageAtOneMegabyte(DynamoDbClient dynamoDb) {
    ScanResponse first = dynamoDb.scan(request -> request.tableName(big));

    assertThat(first.count()).isBetween(1, 11);
    assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk");
    int total = first.count();
    Map<String, AttributeValue> start = first.lastEvaluatedKey();
    while (start != null && !start.isEmpty()) {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamoDb.scan(request -> request.tableName(big).exclusiveStartKey(from));
      total += page.count();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    }
    assertThat(total).isEqualTo(12);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Scanning
  // An index holds only the items that have its key attributes (a sparse index).
  @Test
  void scansOnlyTheItemsInAGlobalIndex(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.indexName("byGkAll"));

    assertThat(answer.count()).isEqualTo(10);
    assertThat(answer.items()).allSatisfy(item -> assertThat(item).containsKeys("pk", "n", "gk", "note"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html (KEYS_ONLY)
  @Test
  void scansOnlyKeysOfAKeysOnlyGlobalIndex(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.indexName("byGkKeys"));

    assertThat(answer.items()).hasSize(10).allSatisfy(item -> assertThat(item).containsOnlyKeys("pk", "gk"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // LastEvaluatedKey of an index scan holds the index keys and the table keys.
  @Test
  void returnsIndexAndTableKeysAsLastEvaluatedKeyOfAnIndexScan(DynamoDbClient dynamoDb) {
    ScanResponse answer = scan(dynamoDb, request -> request.indexName("byGkAll").limit(2));

    assertThat(answer.lastEvaluatedKey()).containsOnlyKeys("gk", "pk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // ConsistentRead: "ConsistentRead is not supported on global secondary indexes."
  @Test
  void rejectsAConsistentScanOfAGlobalIndex(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.indexName("byGkAll").consistentRead(true)),
        "Consistent reads are not supported on global secondary indexes");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html (IndexName)
  @Test
  void rejectsAnUnknownIndex(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.indexName("nope")),
        "The table does not have the specified index: nope");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // "ALL_PROJECTED_ATTRIBUTES - Allowed only when querying an index." AWS keeps "Querying" on a Scan
  // (observed by the nubo-db/dynamodb-conformance suites against AWS, 2026; DynamoDB Local alike).
  @Test
  void rejectsAllProjectedAttributesOnTheTable(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.select(Select.ALL_PROJECTED_ATTRIBUTES)),
        "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  // "If you use the ProjectionExpression parameter, then the value for Select can only be SPECIFIC_ATTRIBUTES."
  // Observed text: as above.
  @Test
  void rejectsACountWithAProjection(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.select(Select.COUNT).projectionExpression("n")),
        "Cannot specify the ProjectionExpression when choosing to get only the Count");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html (Select SPECIFIC_ATTRIBUTES)
  // The classic, bare answer (paritysuite/dynamodb-conformance registry/splits.json
  // scan-specific-attributes-message: eu-south-2, me-central-1 and most regions until 2026-09).
  @Test
  void rejectsSpecificAttributesWithoutAProjection(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.select(Select.SPECIFIC_ATTRIBUTES)),
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
  }

  // A legacy filter value nested past the document limit is refused before its operator is looked at
  // (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts: seven of ten
  // regions, AWS 2026; the other three report the lone ConditionalOperator first).
  @Test
  void rejectsAScanFilterValueNestedTooDeep(DynamoDbClient dynamoDb) {
    AttributeValue deep = s("leaf");
    for (int i = 0; i < 40; i++) {
      deep = AttributeValue.fromM(Map.of("n", deep));
    }
    Condition condition = Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(deep).build();
    assertValidation(
        () -> scan(dynamoDb, request -> request.scanFilter(Map.of("a", condition)).conditionalOperator(ConditionalOperator.AND)),
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
  }

  // An ExclusiveStartKey of other attributes than the table's key: the classic long form
  // (paritysuite/dynamodb-conformance registry/splits.json scan-bad-start-key-message; dynalite test/scan.js).
  @Test
  void rejectsAStartKeyThatIsNotTheTableKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.exclusiveStartKey(item("other", s("x")))),
        "The provided starting key is invalid: The provided key element does not match the schema");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html (Limit: "Minimum value of 1.")
  @Test
  void rejectsALimitOfZero(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> scan(dynamoDb, request -> request.limit(0)),
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html (ResourceNotFoundException)
  // Observed text: dynalite test/scan.js.
  @Test
  void rejectsAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("scan-missing");
    assertNotFound(() -> dynamoDb.scan(request -> request.tableName(missing)), "Requested resource not found");
  }

  private static ScanResponse scan(DynamoDbClient dynamoDb, Consumer<ScanRequest.Builder> more) {
    ScanRequest.Builder request = ScanRequest.builder().tableName(table);
    more.accept(request);
    return dynamoDb.scan(request.build());
  }

  private static List<String> keys(ScanResponse answer) {
    return answer.items().stream().map(item -> item.get("pk").s()).toList();
  }
}
