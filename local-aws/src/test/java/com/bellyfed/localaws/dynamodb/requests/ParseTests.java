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
    assertThat(RequestValidator.parse("{\"TableName\":\"abc\"}".getBytes(StandardCharsets.UTF_8)).path("TableName").asText())
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
}
