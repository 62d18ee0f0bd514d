package com.bellyfed.benchmarks.dynamodb;

import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The item every phase writes: a restaurant-like record of about 180 bytes, keyed by a string. */
public final class BenchItems {

  private BenchItems() {}

  public static Map<String, AttributeValue> item(String pk, long n) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("name", AttributeValue.fromS("Laksa House " + n));
    item.put("city", AttributeValue.fromS("singapore"));
    item.put("cuisine", AttributeValue.fromS("peranakan"));
    item.put("address", AttributeValue.fromS(n + " Katong Road, #01-23"));
    item.put("rating", AttributeValue.fromN("4.5"));
    item.put("reviewCount", AttributeValue.fromN(Long.toString(120 + n % 1000)));
    item.put("priceLevel", AttributeValue.fromN("2"));
    item.put("createdAt", AttributeValue.fromS("2026-12-03T10:15:30Z"));
    return item;
  }

  /** The item's size as DynamoDB counts it, for the memory ratio. */
  public static int dynamoDbSize(String pk, long n) {
    Map<String, Value> model = new LinkedHashMap<>();
    item(pk, n).forEach((name, value) -> model.put(name, value.s() != null ? Value.s(value.s()) : Value.n(value.n())));
    return Sizes.item(model);
  }

  public static void createTable(DynamoDbClient dynamoDb, String name) {
    dynamoDb.createTable(request -> request
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S))
        .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH)));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
  }
}
