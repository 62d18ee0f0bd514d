package com.bellyfed.localaws.dynamodb.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Request bodies that are not JSON objects: AWS answers a SerializationException without a message
 * (dynalite's test/connection.js, recorded against AWS: {"__type":"com.amazon.coral.service#SerializationException"}).
 */
class ParseTests {

  @ParameterizedTest
  @ValueSource(strings = {"", "hi", "{", "{\"a\":}", "}{", "{'a': 1}", "[]", "7", "\"text\"", "null", "true", "{}}", "{} {}", "{\"a\": 1}x"})
  void refusesBodyThatIsNotAJsonObjectWithoutMessage(String body) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> RequestValidator.parse(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(error.type()).isEqualTo(Requests.SERIALIZATION);
    assertThat(error.getMessage()).isEmpty();
    assertThat(error.status()).isEqualTo(400);
  }

  @Test
  void readsAJsonObject() {
    assertThat(RequestValidator.parse("{\"TableName\":\"abc\"}".getBytes(StandardCharsets.UTF_8)).path("TableName").asString(""))
        .isEqualTo("abc");
  }

  @Test
  void keepsTheDigitsOfDecimalNumbers() {
    assertThat(RequestValidator.parse("{\"Limit\":1.10000000000000000001}".getBytes(StandardCharsets.UTF_8))
        .path("Limit").decimalValue().toPlainString()).isEqualTo("1.10000000000000000001");
  }

  @Test
  void supportsTheTwentyOperationsTheEngineServes() {
    for (String operation : new String[] {"CreateTable", "UpdateTable", "DeleteTable", "DescribeTable", "ListTables",
        "UpdateTimeToLive", "DescribeTimeToLive", "TagResource", "UntagResource", "ListTagsOfResource", "GetItem",
        "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems",
        "TransactWriteItems"}) {
      assertThat(RequestValidator.supports(operation)).as(operation).isTrue();
    }
    assertThat(RequestValidator.supports("ExecuteStatement")).isFalse();
    assertThat(RequestValidator.supports("listTables")).isFalse();
  }

  /** An unpaired surrogate has no UTF-8 form: refused as bytes that are no UTF-8 are, wherever it is. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Item\": {\"pk\": {\"S\": \"a\\ud800\"}}}",
      "{\"Item\": {\"pk\": {\"S\": \"\\udc00a\"}}}",
      "{\"Item\": {\"pk\": {\"S\": \"\\uDC00\\uD800\"}}}",
      "{\"Item\": {\"a\\ud83d\": {\"S\": \"x\"}}}",
      "{\"Item\": {\"l\": {\"L\": [{\"SS\": [\"ok\", \"\\uDBFF\"]}]}}}",
      "{\"TableName\": \"\\ud800\"}",
      "{\"ExpressionAttributeNames\": {\"#n\": \"\\udfff\"}}",
      "{\"Item\": {\"pk\": {\"S\": \"\\ud800\"}}, \"pad\": \"\\\\ud800\"}"})
  void refusesAnUnpairedSurrogateWithoutMessage(String body) {
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class,
        () -> RequestValidator.parse(body.getBytes(StandardCharsets.UTF_8)));
    assertThat(error).as(body).isNotNull();
    assertThat(error.type()).isEqualTo(Requests.SERIALIZATION);
    assertThat(error.getMessage()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Item\": {\"pk\": {\"S\": \"\\ud83d\\ude00 \\u0000 \\uFFFF\"}}}",
      "{\"Item\": {\"pk\": {\"S\": \"\\\\ud800 is six characters, not a surrogate\"}}}"})
  void readsPairedSurrogatesAndEscapedBackslashes(String body) {
    assertThat(RequestValidator.parse(body.getBytes(StandardCharsets.UTF_8)).path("Item").path("pk").path("S").isString()).isTrue();
  }

  /** Attribute names may be up to 64 KB; the reader's default of 50,000 characters must not refuse one. */
  @Test
  void readsAttributeNamesOfSixtyFourKilobytes() {
    String name = "n".repeat(65_535);
    assertThat(RequestValidator.parse(("{\"Item\": {\"" + name + "\": {\"S\": \"x\"}}}").getBytes(StandardCharsets.UTF_8))
        .path("Item").has(name)).isTrue();
  }
}
