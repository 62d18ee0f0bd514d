package com.bellyfed.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB's AWS JSON 1.0 protocol itself: the headers of every answer, a body that is no JSON, a body
 * that is too large, and the content type of the answer. Observed against AWS: dynalite
 * test/connection.js.
 */
@ConformanceTest
class ProtocolConformanceIntegrationTests {

  private static final String AMZ_JSON = "application/x-amz-json-1.0";

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html
  // ("HTTP/1.1 200 OK, x-amzn-RequestId, x-amz-crc32, Content-Type: application/x-amz-json-1.0,
  // Content-Length"); the request id is 52 characters of [0-9A-Z] (dynalite test/connection.js).
  @Test
  void answersWithRequestIdChecksumAndLength(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("ListTables", "{\"Limit\":1}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).matches("[0-9A-Z]{52}"));
    CRC32 crc = new CRC32();
    crc.update(answer.bytes());
    assertThat(answer.headers().firstValue("x-amz-crc32")).contains(Long.toString(crc.getValue()));
    assertThat(answer.headers().firstValue("Content-Length")).contains(Integer.toString(answer.bytes().length));
    assertThat(answer.headers().firstValue("Content-Type")).contains(AMZ_JSON);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html (SerializationException)
  // Observed: AWS sends the type alone, without a message member (dynalite test/connection.js).
  @Test
  void answersABodyThatIsNoJsonWithASerializationExceptionWithoutMessage(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DynamoDB_20120810.ListTables", "hi", AMZ_JSON);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().toString()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    assertThat(answer.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(answer.headers().firstValue("Content-Type")).contains(AMZ_JSON);
  }

  // Observed: a body that is no JSON is refused before the operation is looked up (dynalite test/connection.js).
  @Test
  void readsTheBodyBeforeTheOperation(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DynamoDB_20120810.NoSuchOperation", "hi", AMZ_JSON);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("com.amazon.coral.service#SerializationException");
  }

  // Observed: a client that sends application/json is answered with application/json (dynalite test/connection.js).
  @Test
  void answersInTheJsonFlavourOfTheRequest(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DynamoDB_20120810.ListTables", "{\"Limit\":1}", "application/json");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html (a request's
  // total size is at most 16 MB); observed: a body of 16 MiB + 1 byte is HTTP 413, one of 16 MiB is
  // read (dynalite test/connection.js).
  @Test
  void refusesABodyAbove16MiB(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("DynamoDB_20120810.ListTables", "a".repeat(16 * 1024 * 1024 + 1), AMZ_JSON);

    assertThat(answer.status()).isEqualTo(413);
  }
}
