package com.bellyfed.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ConformanceTest
class SmokeConformanceIntegrationTests {

  @Test
  void rawAndSdkReachTheSameEndpoint(DynamoDbClient dynamoDb, RawDynamoDb raw, Tables tables) {
    String table = tables.create("smoke", false);
    RawDynamoDb.Answer answer = raw.call("DescribeTable", "{\"TableName\":\"" + table + "\"}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("Table").path("TableName").asString("")).isEqualTo(table);
    assertThat(dynamoDb.listTables().tableNames()).contains(table);
  }
}
