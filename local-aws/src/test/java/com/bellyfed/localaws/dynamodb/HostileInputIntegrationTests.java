package com.bellyfed.localaws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.conformance.ConformanceTest;
import com.bellyfed.localaws.dynamodb.conformance.RawDynamoDb;
import com.bellyfed.localaws.dynamodb.conformance.Tables;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Hostile, oversized and malformed requests whose exact answer AWS does not document (those it does
 * are in the conformance classes): each must be refused with a 400 of AWS's type, never a 500, within
 * bounded time and memory; the server must answer afterwards, and nothing written before may change.
 * The payloads stay within tens of megabytes, for the default heap of the test JVM.
 */
@ConformanceTest
class HostileInputIntegrationTests {

  private static final String SERIALIZATION = "SerializationException";
  private static final String VALIDATION = "ValidationException";
  private static final int DEEP = 10_000;

  private static String table;
  private static String indexed;
  private static Map<String, AttributeValue> sentinel;
  private static Map<String, AttributeValue> indexedSentinel;
  private static Map<String, AttributeValue> questionMark;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    table = tables.create("hostile", false);
    indexed = tables.create("hostile-indexed", request -> request
        .attributeDefinitions(definition("pk"), definition("sk"), definition("g"), definition("l"))
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(key("g", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL").keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
    sentinel = Map.of("pk", s("sentinel"), "note", s("must survive"), "list", AttributeValue.fromL(List.of(s("a"), n("1"))),
        "set", AttributeValue.fromSs(List.of("x", "y")), "number", n("12.5"));
    indexedSentinel = Map.of("pk", s("sentinel"), "sk", s("1"), "g", s("g"), "l", s("l"), "note", s("must survive"));
    // What an unpaired surrogate written out as UTF-8 would become: it must never be overwritten by one.
    questionMark = Map.of("pk", s("a?"), "note", s("question mark"));
    for (Map<String, AttributeValue> item : List.of(sentinel, questionMark)) {
      dynamoDb.putItem(request -> request.tableName(table).item(item));
    }
    dynamoDb.putItem(request -> request.tableName(indexed).item(indexedSentinel));
    // A global index is eventually consistent: the checks after each test read it once it shows the item.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).untilAsserted(() -> assertThat(dynamoDb.query(request -> request
        .tableName(indexed).indexName("byG").keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("g")))).items())
        .containsExactly(indexedSentinel));
  }

  /** After every test: the server answers, and what was written before is as it was. */
  @AfterEach
  void nothingChanged(DynamoDbClient dynamoDb) {
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("sentinel"))).consistentRead(true)).item())
        .isEqualTo(sentinel);
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("a?"))).consistentRead(true)).item())
        .isEqualTo(questionMark);
    assertThat(dynamoDb.getItem(request -> request.tableName(indexed).key(Map.of("pk", s("sentinel"), "sk", s("1")))
        .consistentRead(true)).item()).isEqualTo(indexedSentinel);
    assertThat(dynamoDb.query(request -> request.tableName(indexed).indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("g")))).items()).containsExactly(indexedSentinel);
  }

  // ---- JSON nested far deeper than any reader goes

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"list in an item", "map in an item", "map in a value", "object member", "array member", "array body"})
  @Timeout(20)
  void refusesJsonNestedTenThousandDeepAsUnreadable(String where, RawDynamoDb raw) {
    String deepList = "{\"L\":[".repeat(DEEP) + "{\"S\":\"x\"}" + "]}".repeat(DEEP);
    String deepMap = "{\"M\":{\"a\":".repeat(DEEP) + "{\"S\":\"x\"}" + "}}".repeat(DEEP);
    String body = switch (where) {
      case "list in an item" -> put("{\"pk\":{\"S\":\"deep\"},\"x\":" + deepList + "}");
      case "map in an item" -> put("{\"pk\":{\"S\":\"deep\"},\"x\":" + deepMap + "}");
      case "map in a value" -> "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"deep\"}},\"ConditionExpression\":\"x = :v\","
          + "\"ExpressionAttributeValues\":{\":v\":" + deepMap + "}}";
      case "object member" -> "{\"TableName\":\"" + table + "\",\"Junk\":" + "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)
          + ",\"Item\":{\"pk\":{\"S\":\"deep\"}}}";
      case "array member" -> "{\"TableName\":\"" + table + "\",\"Junk\":" + "[".repeat(DEEP) + "]".repeat(DEEP)
          + ",\"Item\":{\"pk\":{\"S\":\"deep\"}}}";
      default -> "[".repeat(DEEP) + "]".repeat(DEEP);
    };

    assertRefused(raw.call("PutItem", body), SERIALIZATION);
  }

  /** Deep enough to pass the reader and be walked recursively everywhere, far past DynamoDB's 32 levels. */
  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {100, 450})
  @Timeout(20)
  void refusesValuesNestedPastTheDocumentLimitWithoutExhaustingTheStack(int levels, RawDynamoDb raw) {
    String deepList = "{\"L\":[".repeat(levels) + "{\"S\":\"x\"}" + "]}".repeat(levels);
    String deepMap = "{\"M\":{\"a\":".repeat(levels) + "{\"N\":\"1\"}" + "}}".repeat(levels);

    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"deep\"},\"x\":" + deepList + "}")), VALIDATION);
    assertRefused(raw.call("UpdateItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"sentinel\"}},"
        + "\"UpdateExpression\":\"SET note = :v\",\"ExpressionAttributeValues\":{\":v\":" + deepMap + "}}"), VALIDATION);
    assertRefused(raw.call("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + table
        + "\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"x\":" + deepMap + "}}}]}"), VALIDATION);
  }

  // ---- huge arrays and bodies

  @Test
  @Timeout(60)
  void refusesAMillionElementListAsAnItemTooLarge(RawDynamoDb raw) {
    String million = String.join(",", Collections.nCopies(1_000_000, "{\"NULL\":true}"));

    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"million\"},\"x\":{\"L\":[" + million + "]}}")), VALIDATION);
  }

  @Test
  @Timeout(60)
  void refusesAMillionMemberSetAsAnItemTooLarge(RawDynamoDb raw) {
    String million = IntStream.range(0, 1_000_000).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));

    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"million\"},\"x\":{\"SS\":[" + million + "]}}")), VALIDATION);
    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"million\"},\"x\":{\"NS\":[" + million + "]}}")), VALIDATION);
  }

  /** Sets of 100,000 members: within 400 KB they are stored and read back whole; a duplicate among them is refused. */
  @Test
  @Timeout(60)
  void storesAndRefusesSetsOfAHundredThousandMembers(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    List<String> numbers = IntStream.range(0, 100_000).mapToObj(Integer::toString).toList();
    dynamoDb.putItem(request -> request.tableName(table).item(Map.of("pk", s("numbers"), "x", AttributeValue.fromNs(numbers))));
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("numbers"))).consistentRead(true)).item()
        .get("x").ns()).hasSize(100_000);

    String duplicated = IntStream.range(0, 100_000).mapToObj(i -> "\"" + (i % 99_999) + "\"").collect(Collectors.joining(","));
    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"numbers\"},\"x\":{\"SS\":[" + duplicated + "]}}")), VALIDATION);
    assertRefused(raw.call("UpdateItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"numbers\"}},"
        + "\"UpdateExpression\":\"ADD y :s\",\"ExpressionAttributeValues\":{\":s\":{\"SS\":[" + duplicated + "]}}}"), VALIDATION);
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("numbers"))).consistentRead(true)).item())
        .containsOnlyKeys("pk", "x");
  }

  /** 100 Puts of 400 KB make a 40 MB body: refused with 413 as any body above 16 MiB, without reading it all. */
  @Test
  @Timeout(60)
  void refusesAFortyMegabyteTransactionBodyWith413(RawDynamoDb raw) {
    String value = "x".repeat(400 * 1024 - 20);
    String actions = IntStream.range(0, 100)
        .mapToObj(i -> "{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"tx" + i + "\"},\"v\":{\"S\":\"" + value + "\"}}}}")
        .collect(Collectors.joining(","));

    RawDynamoDb.Answer answer = raw.call("TransactWriteItems", "{\"TransactItems\":[" + actions + "]}");

    assertThat(answer.status()).isEqualTo(413);
  }

  /** 100 actions of about 42 KB each are under 16 MiB but over the 4 MB a transaction may carry: nothing is written. */
  @Test
  @Timeout(60)
  void refusesATransactionOverFourMegabytesWritingNothing(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    String value = "x".repeat(42_000);
    String actions = IntStream.range(0, 100)
        .mapToObj(i -> "{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"four" + i + "\"},\"v\":{\"S\":\"" + value + "\"}}}}")
        .collect(Collectors.joining(","));

    assertRefused(raw.call("TransactWriteItems", "{\"TransactItems\":[" + actions + "]}"), VALIDATION);
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("four0"))).consistentRead(true)).hasItem())
        .isFalse();
  }

  /** 15 MiB of valid but absurd content: answered within seconds, stored when valid, refused when not. */
  @Test
  @Timeout(90)
  void answersFifteenMebibytesOfAbsurdContentPromptly(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    int fifteen = 15 * 1024 * 1024;
    RawDynamoDb.Answer padded = raw.call("PutItem", "{\"TableName\":\"" + table + "\"," + " ".repeat(fifteen)
        + "\"Item\":{\"pk\":{\"S\":\"padded\"},\"v\":{\"S\":\"kept\"}}}");
    assertThat(padded.status()).isEqualTo(200);
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("padded"))).consistentRead(true)).item())
        .isEqualTo(Map.of("pk", s("padded"), "v", s("kept")));

    RawDynamoDb.Answer junk = raw.call("GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"sentinel\"}},"
        + "\"Unknown\":[" + String.join(",", Collections.nCopies(fifteen / 3, "{}")) + "]}");
    assertThat(junk.status()).isEqualTo(200);

    String nulls = String.join(",", Collections.nCopies(fifteen / 14, "{\"NULL\":true}"));
    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"nulls\"},\"x\":{\"L\":[" + nulls + "]}}")), VALIDATION);
  }

  // ---- text that is no UTF-8, and UTF-16 that has no UTF-8 form

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ff", "c3", "e282", "eda080", "f8888080", "80"})
  @Timeout(10)
  void refusesBytesThatAreNoUtf8(String hex, RawDynamoDb raw) {
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    for (String template : List.of(put("{\"pk\":{\"S\":\"@\"}}"), put("{\"pk\":{\"S\":\"k\"},\"a@\":{\"S\":\"v\"}}"),
        "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"@\"}}}")) {
      String operation = template.contains("\"Key\"") ? "GetItem" : "PutItem";
      assertRefused(raw.call(operation, splice(template, bad)), SERIALIZATION);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"key", "value", "name", "set member", "map key", "expression name", "expression value", "table name"})
  @Timeout(10)
  void refusesUnpairedSurrogatesWhereverTheyAre(String where, RawDynamoDb raw) {
    String lone = "a\\ud800";
    String body = switch (where) {
      case "key" -> put("{\"pk\":{\"S\":\"" + lone + "\"}}");
      case "value" -> put("{\"pk\":{\"S\":\"lone\"},\"v\":{\"S\":\"\\udc00" + "\"}}");
      case "name" -> put("{\"pk\":{\"S\":\"lone\"},\"" + lone + "\":{\"S\":\"v\"}}");
      case "set member" -> put("{\"pk\":{\"S\":\"lone\"},\"v\":{\"SS\":[\"ok\",\"\\udfff\\ud800\"]}}");
      case "map key" -> put("{\"pk\":{\"S\":\"lone\"},\"v\":{\"M\":{\"" + lone + "\":{\"S\":\"v\"}}}}");
      case "expression name" -> "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"a?\"}},\"ConditionExpression\":"
          + "\"attribute_not_exists(#n)\",\"ExpressionAttributeNames\":{\"#n\":\"" + lone + "\"}}";
      case "expression value" -> "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"a?\"}},\"ConditionExpression\":"
          + "\"attribute_not_exists(pk) OR note <> :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"" + lone + "\"}}}";
      default -> "{\"TableName\":\"" + lone + "\",\"Item\":{\"pk\":{\"S\":\"lone\"}}}";
    };

    assertRefused(raw.call("PutItem", body), SERIALIZATION);
  }

  @Test
  @Timeout(10)
  void storesPairedSurrogatesAndNulsAsSent(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    assertThat(raw.call("PutItem", put("{\"pk\":{\"S\":\"\\ud83d\\ude00\\u0000\"},\"\\u0000\":{\"S\":\"\\udbff\\udfff\"}}")).status())
        .isEqualTo(200);

    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("\ud83d\ude00\u0000"))).consistentRead(true))
        .item()).isEqualTo(Map.of("pk", s("\ud83d\ude00\u0000"), "\u0000", s("\udbff\udfff")));
  }

  // ---- numbers

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ten thousand digits", "a million digits", "a million zeros then one", "a million-digit exponent",
      "a million-digit fraction"})
  @Timeout(20)
  void refusesHugeNumbersPromptly(String shape, RawDynamoDb raw) {
    String number = switch (shape) {
      case "ten thousand digits" -> "9".repeat(10_000);
      case "a million digits" -> "7".repeat(1_000_000);
      case "a million zeros then one" -> "1" + "0".repeat(1_000_000);
      case "a million-digit exponent" -> "1e" + "9".repeat(1_000_000);
      default -> "0." + "3".repeat(1_000_000);
    };

    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"number\"},\"n\":{\"N\":\"" + number + "\"}}")), VALIDATION);
    assertRefused(raw.call("Scan", "{\"TableName\":\"" + table + "\",\"FilterExpression\":\"n = :n\","
        + "\"ExpressionAttributeValues\":{\":n\":{\"N\":\"" + number + "\"}}}"), VALIDATION);
  }

  @Test
  @Timeout(10)
  void readsZeroesWrittenAnyWay(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    for (String zero : List.of("-0", "0.000", "+0e5", "0" .repeat(100_000), "-0.0e-100")) {
      assertThat(raw.call("PutItem", put("{\"pk\":{\"S\":\"zero\"},\"n\":{\"N\":\"" + zero + "\"}}")).status()).isEqualTo(200);
      assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("zero"))).consistentRead(true)).item()
          .get("n")).isEqualTo(n("0"));
    }
  }

  /** Whole numbers of the request (Limit) written with exponents far past an int. */
  @ParameterizedTest(name = "Limit {0}")
  @ValueSource(strings = {"1e2147483647", "1e999999", "9e1001", "-1.5e100000"})
  @Timeout(10)
  void refusesALimitWhoseExponentMakesItLongerThanAnyLiteral(String limit, RawDynamoDb raw) {
    assertRefused(raw.call("Scan", "{\"TableName\":\"" + table + "\",\"Limit\":" + limit + "}"), SERIALIZATION);
    assertRefused(raw.call("Query", "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"sentinel\"}},\"Limit\":" + limit + "}"), SERIALIZATION);
  }

  @ParameterizedTest(name = "Limit {0}")
  @ValueSource(strings = {"2147483648", "9223372036854775808", "1e300", "1" + "0000000000" + "0000000000"})
  @Timeout(10)
  void readsEverythingUnderALimitPastTheIntRange(String limit, RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("Query", "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"sentinel\"}},\"Limit\":" + limit + "}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("Count").asInt(0)).isEqualTo(1);
  }

  // ---- binaries

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"A", "AA=", "AB==", "A===", "====", "AA==AA==", "A A=", "@@@@", "-_-_", "AA\\n==", "\\u00e9\\u00e9\\u00e9\\u00e9"})
  @Timeout(10)
  void refusesBase64WithBadCharactersOrPadding(String base64, RawDynamoDb raw) {
    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"binary\"},\"b\":{\"B\":\"" + base64 + "\"}}")), SERIALIZATION);
    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"binary\"},\"b\":{\"BS\":[\"AA==\",\"" + base64 + "\"]}}")), SERIALIZATION);
  }

  // ---- expressions

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"100,000 tokens", "10,000 parentheses", "2,000 parentheses", "10,000 ORs", "1,000 NOTs",
      "10,000 path segments", "2,000 path segments", "1,000 list indexes", "unbalanced parentheses", "128 nested functions"})
  @Timeout(20)
  void refusesPathologicalConditionsPromptly(String shape, DynamoDbClient dynamoDb, RawDynamoDb raw) {
    String condition = switch (shape) {
      case "100,000 tokens" -> "a = :v" + " AND a = :v".repeat(25_000);
      case "10,000 parentheses" -> "(".repeat(10_000) + "a = :v" + ")".repeat(10_000);
      case "2,000 parentheses" -> "(".repeat(2_000) + "a = :v" + ")".repeat(2_000);
      case "10,000 ORs" -> "a = :v" + " OR a = :v".repeat(10_000);
      case "1,000 NOTs" -> "NOT ".repeat(1_000) + "a = :v AND b = :v AND c";
      case "10,000 path segments" -> "a" + ".b".repeat(10_000) + " = :v";
      case "2,000 path segments" -> "a" + ".b".repeat(2_000) + " = :v";
      case "1,000 list indexes" -> "a" + "[0]".repeat(1_000) + " = :v";
      case "unbalanced parentheses" -> "(".repeat(1_000) + "a = :v" + ")".repeat(999);
      default -> "size(".repeat(128) + "a" + ")".repeat(128) + " = :v";
    };

    for (String operation : List.of("PutItem", "Scan")) {
      String body = "{\"TableName\":\"" + table + "\"," + (operation.equals("PutItem") ? "\"Item\":{\"pk\":{\"S\":\"sentinel\"}},"
          + "\"ConditionExpression\"" : "\"FilterExpression\"") + ":\"" + condition + "\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}";
      assertRefused(raw.call(operation, body), VALIDATION);
    }
  }

  /** Within 4 KB and the grammar, the deepest trees the parser accepts are evaluated without trouble. */
  @Test
  @Timeout(20)
  void evaluatesTheDeepestConditionsTheGrammarAllows(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    // Each is false for the sentinel (1,010 NOTs cancel out), which it would otherwise overwrite.
    String nots = "NOT ".repeat(1_010) + "attribute_not_exists(pk)";
    String ors = "attribute_not_exists(pk)" + " OR attribute_not_exists(pk)".repeat(130);
    String nested = "(".repeat(120) + "attribute_not_exists(pk)" + ")".repeat(120);
    for (String condition : List.of(nots, ors)) {
      RawDynamoDb.Answer answer = raw.call("PutItem", put("{\"pk\":{\"S\":\"sentinel\"}}").replace("}}}",
          "}},\"ConditionExpression\":\"" + condition + "\"}"));
      assertThat(answer.status()).as(condition.substring(0, 30)).isEqualTo(400);
      assertThat(answer.type()).endsWith("#ConditionalCheckFailedException");
    }
    assertThat(raw.call("PutItem", put("{\"pk\":{\"S\":\"sentinel\"}}").replace("}}}", "}},\"ConditionExpression\":\"" + nested + "\"}"))
        .status()).isEqualTo(400);
  }

  /** contains() with a part that almost matches a 390 KB value everywhere answers in linear time. */
  @Test
  @Timeout(20)
  void searchesTheLargestValuesForAlmostMatchingPartsPromptly(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    dynamoDb.putItem(request -> request.tableName(table).item(Map.of("pk", s("haystack-s"), "a", s("a".repeat(390_000)))));
    dynamoDb.putItem(request -> request.tableName(table).item(Map.of("pk", s("haystack-b"),
        "b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[390_000])))));
    byte[] almost = new byte[195_001];
    almost[195_000] = 1;
    String values = ",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"" + "a".repeat(195_000) + "b\"},"
        + "\":b\":{\"B\":\"" + java.util.Base64.getEncoder().encodeToString(almost) + "\"}}";

    for (String haystack : List.of("haystack-s", "haystack-b")) {
      RawDynamoDb.Answer condition = raw.call("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"" + haystack
          + "\"}},\"ConditionExpression\":\"contains(a, :v) OR contains(b, :b)\"" + values + "}");
      assertThat(condition.type()).endsWith("#ConditionalCheckFailedException");
    }
    RawDynamoDb.Answer filter = raw.call("Scan", "{\"TableName\":\"" + table + "\",\"FilterExpression\":"
        + "\"contains(a, :v) OR contains(b, :b)\"" + values + "}");
    assertThat(filter.status()).isEqualTo(200);
    assertThat(filter.body().path("Count").asInt(0)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SET l[2147483647] = :v", "SET l[2147483648] = :v", "SET l[99999999999] = :v", "REMOVE l[99999999999]",
      "SET l[" + "9999999999" + "9999999999" + "] = :v"})
  @Timeout(10)
  void appendsOrIgnoresListIndexesPastAnyListsEnd(String update, DynamoDbClient dynamoDb, RawDynamoDb raw) {
    dynamoDb.putItem(request -> request.tableName(table).item(Map.of("pk", s("indexes"), "l", AttributeValue.fromL(List.of(s("a"))))));
    String values = update.contains(":v") ? ",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"b\"}}" : "";

    RawDynamoDb.Answer answer = raw.call("UpdateItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"indexes\"}},"
        + "\"UpdateExpression\":\"" + update + "\"" + values + "}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("indexes"))).consistentRead(true)).item()
        .get("l").l()).startsWith(s("a")).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  @Timeout(30)
  void refusesAHundredThousandUnusedPlaceholders(RawDynamoDb raw) {
    String names = IntStream.range(0, 100_000).mapToObj(i -> "\"#n" + i + "\":\"a\"").collect(Collectors.joining(","));
    String values = IntStream.range(0, 100_000).mapToObj(i -> "\":v" + i + "\":{\"S\":\"x\"}").collect(Collectors.joining(","));

    assertRefused(raw.call("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"sentinel\"}},"
        + "\"ConditionExpression\":\"#n0 = :v0\",\"ExpressionAttributeNames\":{" + names + "},\"ExpressionAttributeValues\":{" + values + "}}"),
        VALIDATION);
  }

  /** An update may grow a list only up to 400 KB, however it doubles it; the item stays as it was. */
  @Test
  @Timeout(30)
  void refusesUpdatesThatGrowAListPastFourHundredKilobytes(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> seed = Map.of("pk", s("growing"), "l", AttributeValue.fromL(List.of(s("x".repeat(1000)))));
    dynamoDb.putItem(request -> request.tableName(table).item(seed));
    Map<String, AttributeValue> last = seed;
    for (int doubling = 0; doubling < 12; doubling++) {
      try {
        last = dynamoDb.updateItem(request -> request.tableName(table).key(Map.of("pk", s("growing")))
            .updateExpression("SET l = list_append(l, l)").returnValues("ALL_NEW")).attributes();
      } catch (AwsServiceException refused) {
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(VALIDATION);
      }
    }
    Map<String, AttributeValue> stored =
        dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("growing"))).consistentRead(true)).item();
    assertThat(stored).isEqualTo(last);
    assertThat(stored.get("l").l()).hasSize(256);
    assertThat(size(stored)).isLessThanOrEqualTo(400 * 1024);
  }

  // ---- reads

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"pk\":{\"N\":\"1\"}}", "{\"pk\":{\"L\":[]}}", "{\"pk\":{\"SS\":[\"a\"]}}", "{\"pk\":{\"NULL\":true}}",
      "{\"pk\":{\"S\":\"\"}}", "{}", "{\"pk\":{\"S\":\"a\"},\"x\":{\"S\":\"b\"}}", "{\"pk\":{\"N\":\"1e2147483647\"}}",
      "{\"pk\":{\"S\":\"HUGE\"}}"})
  @Timeout(10)
  void refusesExclusiveStartKeysOfWrongTypesOrSizes(String startKey, RawDynamoDb raw) {
    String key = startKey.replace("HUGE", "k".repeat(100_000));

    assertRefused(raw.call("Scan", "{\"TableName\":\"" + table + "\",\"ExclusiveStartKey\":" + key + "}"), VALIDATION);
    assertRefused(raw.call("Scan", "{\"TableName\":\"" + table + "\",\"ExclusiveStartKey\":" + key + ",\"Segment\":3,\"TotalSegments\":4}"),
        VALIDATION);
    assertRefused(raw.call("Query", "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}},\"ExclusiveStartKey\":" + key + "}"), VALIDATION);
  }

  /** Key values past a stored key's 64 KB component would have corrupted the index; they are refused before. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"index partition key", "index sort key", "table sort key", "index Query"})
  @Timeout(10)
  void refusesKeyValuesLongerThanAStoredKeyCanHold(String where, RawDynamoDb raw) {
    String huge = "k".repeat(70_000);
    RawDynamoDb.Answer answer = switch (where) {
      case "index partition key" -> raw.call("PutItem", "{\"TableName\":\"" + indexed + "\",\"Item\":{\"pk\":{\"S\":\"p\"},"
          + "\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"" + huge + "\"}}}");
      case "index sort key" -> raw.call("UpdateItem", "{\"TableName\":\"" + indexed + "\",\"Key\":{\"pk\":{\"S\":\"sentinel\"},"
          + "\"sk\":{\"S\":\"1\"}},\"UpdateExpression\":\"SET l = :l\",\"ExpressionAttributeValues\":{\":l\":{\"S\":\"" + huge + "\"}}}");
      case "table sort key" -> raw.call("Query", "{\"TableName\":\"" + indexed + "\",\"KeyConditionExpression\":\"pk = :p AND sk > :s\","
          + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"sentinel\"},\":s\":{\"S\":\"" + huge + "\"}}}");
      default -> raw.call("Query", "{\"TableName\":\"" + indexed + "\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\","
          + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"" + huge + "\"}}}");
    };

    assertRefused(answer, VALIDATION);
  }

  // ---- nulls where AWS's reader lets them through

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"SS\":[null]}", "{\"NS\":[null,null]}", "{\"BS\":[null]}", "{\"L\":[null]}"})
  @Timeout(10)
  void refusesSetsAndListsOfNothingButNulls(String value, RawDynamoDb raw) {
    assertRefused(raw.call("PutItem", put("{\"pk\":{\"S\":\"nulls\"},\"x\":" + value + "}")), VALIDATION);
    assertRefused(raw.call("GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":" + value + "}}"), VALIDATION);
  }

  @Test
  @Timeout(10)
  void readsANullAmongASetsMembersAsNoMember(DynamoDbClient dynamoDb, RawDynamoDb raw) {
    assertThat(raw.call("PutItem", put("{\"pk\":{\"S\":\"nulls\"},\"x\":{\"SS\":[\"b\",null,\"a\"]}}")).status()).isEqualTo(200);

    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("nulls"))).consistentRead(true)).item()
        .get("x").ss()).containsExactly("a", "b");
  }

  @Test
  @Timeout(10)
  void refusesAnIndexWhoseDefinitionsAreNull(RawDynamoDb raw) {
    assertRefused(raw.call("UpdateTable", "{\"TableName\":\"" + table + "\",\"AttributeDefinitions\":[null],"
        + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byH\",\"KeySchema\":[{\"AttributeName\":\"h\",\"KeyType\":\"HASH\"}],"
        + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]}"), VALIDATION);
  }

  // ---- table names and indexes

  @Test
  @Timeout(60)
  void refusesTableNamesWithEveryCharacterOutsideThePattern(RawDynamoDb raw) {
    List<String> characters = new ArrayList<>();
    IntStream.range(0, 0x80).forEach(c -> characters.add(String.valueOf((char) c)));
    characters.addAll(List.of("é", "\u2028", "\ufeff", "\ud83d\ude00", "\u00a0", "\u0130"));
    for (String character : characters) {
      String name = "abc" + character;
      String escaped = new tools.jackson.databind.node.StringNode(name).toString();
      RawDynamoDb.Answer answer = raw.call("DescribeTable", "{\"TableName\":" + escaped + "}");
      boolean allowed = character.matches("[a-zA-Z0-9_.-]");
      assertThat(answer.status()).as("%s", escaped).isEqualTo(400);
      assertThat(answer.type()).as("%s", escaped).endsWith(allowed ? "#ResourceNotFoundException" : "#" + VALIDATION);
    }
  }

  @Test
  @Timeout(30)
  void refusesTwentyGlobalIndexesOfAHundredProjectedAttributesEach(RawDynamoDb raw) {
    String attributes = IntStream.range(0, 100).mapToObj(i -> "\"p" + i + "\"").collect(Collectors.joining(","));
    String indexes = IntStream.range(0, 20).mapToObj(i -> "{\"IndexName\":\"index" + i + "\",\"KeySchema\":[{\"AttributeName\":\"pk\","
        + "\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[" + attributes + "]}}")
        .collect(Collectors.joining(","));

    assertRefused(raw.call("CreateTable", "{\"TableName\":\"hostile-never-created\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
        + "\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":[" + indexes + "]}"), VALIDATION);
  }

  // ---- concurrent abuse

  /**
   * 64 writers append to one item's list until it reaches 400 KB: every acknowledged append is there
   * exactly once, nothing unacknowledged is, the item never exceeds 400 KB, and no writer sees a 500.
   */
  @Test
  @Timeout(120)
  void keepsEveryAcknowledgedAppendOfSixtyFourWritersWithinFourHundredKilobytes(DynamoDbClient dynamoDb) throws Exception {
    dynamoDb.putItem(request -> request.tableName(table).item(Map.of("pk", s("appends"), "l", AttributeValue.fromL(List.of()))));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> unexpected = ConcurrentHashMap.newKeySet();
    String padding = "x".repeat(1000);
    ExecutorService writers = Executors.newFixedThreadPool(64);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 64; w++) {
        String writer = String.format("w%02d", w);
        running.add(writers.submit(() -> {
          start.await();
          for (int i = 0; i < 1000; i++) {
            String tag = writer + "-" + i;
            try {
              dynamoDb.updateItem(request -> request.tableName(table).key(Map.of("pk", s("appends")))
                  .updateExpression("SET l = list_append(l, :v)")
                  .expressionAttributeValues(Map.of(":v", AttributeValue.fromL(List.of(s(tag + padding))))));
              acknowledged.add(tag);
            } catch (AwsServiceException refused) {
              if (refused.statusCode() != 400 || !VALIDATION.equals(refused.awsErrorDetails().errorCode())) {
                unexpected.add(refused.statusCode() + " " + refused.awsErrorDetails().errorCode());
              }
              return null;
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> writer : running) {
        writer.get(100, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    Map<String, AttributeValue> item =
        dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", s("appends"))).consistentRead(true)).item();
    List<String> stored = item.get("l").l().stream().map(value -> value.s().substring(0, value.s().length() - padding.length())).toList();
    assertThat(unexpected).isEmpty();
    assertThat(stored).doesNotHaveDuplicates();
    assertThat(Set.copyOf(stored)).isEqualTo(acknowledged);
    assertThat(size(item)).isLessThanOrEqualTo(400 * 1024).isGreaterThan(400 * 1024 - 2 * 1010);
  }

  // ---- helpers

  private static String put(String item) {
    return "{\"TableName\":\"" + table + "\",\"Item\":" + item + "}";
  }

  /** The template's UTF-8 bytes with {@code bad} in place of its '@'. */
  private static byte[] splice(String template, byte[] bad) {
    byte[] bytes = template.getBytes(StandardCharsets.UTF_8);
    int at = template.indexOf('@');
    byte[] spliced = new byte[bytes.length - 1 + bad.length];
    System.arraycopy(bytes, 0, spliced, 0, at);
    System.arraycopy(bad, 0, spliced, at, bad.length);
    System.arraycopy(bytes, at + 1, spliced, at + bad.length, bytes.length - at - 1);
    return spliced;
  }

  private static void assertRefused(RawDynamoDb.Answer answer, String type) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(400);
    assertThat(answer.type()).as("type of %s", answer.body()).endsWith("#" + type);
  }

  /** An item's size by AWS's rules, for the strings and lists these tests store. */
  private static int size(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + size(attribute.getValue());
    }
    return size;
  }

  private static int size(AttributeValue value) {
    if (value.hasL()) {
      return 3 + value.l().stream().mapToInt(element -> 1 + size(element)).sum();
    }
    return value.s().getBytes(StandardCharsets.UTF_8).length;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static AttributeDefinition definition(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
