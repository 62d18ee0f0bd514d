package com.bellyfed.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests for operations DynamoDB does not have: an UnknownOperationException (observed: dynalite
 * test/connection.js, run against AWS). AWS's body carries the type alone; local-aws adds a message
 * naming the operation it does not emulate (a documented addition), so only type and status are
 * asserted here.
 */
@ConformanceTest
class UnknownOperationConformanceIntegrationTests {

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html
  // (the operations of the DynamoDB_20120810 API; DynamoDB Streams' GetRecords and DescribeStream belong
  // to DynamoDBStreams_20120810, not to it)
  @ParameterizedTest
  @ValueSource(strings = {"NoSuchOperation", "GetRecords", "DescribeStream", "listTables"})
  void answersUnknownOperationException(String operation, RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call(operation, "{}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
  }
}
